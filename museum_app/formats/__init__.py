"""Every file format the app reads or writes: packs, bookmark files, timelines from other tools."""

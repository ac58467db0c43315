"""Timeline geometry, without Qt: time to x and back, axis ticks, lanes, clusters, hit tests.

items: what the widget is given. index: sorted arrays of the shown items. scale: time <-> x.
calendar and ticks: the axis. metrics, shapes, lanes, clusters and chunks: the layout, made
per zoom bucket a chunk at a time. scene: what is where in a view. navigation: stepping,
fitting and revealing.
"""

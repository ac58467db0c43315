<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open/Import…</source>
        <translation>打开/导入(&amp;O)…</translation>
    </message>
    <message>
        <source>Import a timeline: TimelineJS, Timeline Project, a calendar or a pack</source>
        <translation>导入时间线：TimelineJS、Timeline Project、日历文件或数据包</translation>
    </message>
    <message>
        <source>&amp;Export bookmarks…</source>
        <translation>导出书签(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import bookmarks…</source>
        <translation>导入书签(&amp;I)…</translation>
    </message>
    <message>
        <source>Export view as &amp;image…</source>
        <translation>将视图导出为图片(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>加入书签(&amp;B)</translation>
    </message>
    <message>
        <source>Edit &amp;note</source>
        <translation>编辑备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Previous event</source>
        <translation>上一个事件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next event</source>
        <translation>下一个事件(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>全部显示(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;bookmarks</source>
        <translation>显示书签面板(&amp;M)</translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Timeline &amp;legend</source>
        <translation>时间轴图例(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About museum_app</source>
        <translation>关于 museum_app(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Timeline: previous / next event</source>
        <translation>时间轴：上一个 / 下一个事件</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>左方向键 / 右方向键</translation>
    </message>
    <message>
        <source>Timeline: zoom in / out around the cursor</source>
        <translation>时间轴：以光标为中心放大 / 缩小</translation>
    </message>
    <message>
        <source>+ / −, Ctrl+wheel</source>
        <translation>+ / −，Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Timeline: fit everything</source>
        <translation>时间轴：全部显示</translation>
    </message>
    <message>
        <source>Timeline: first / last event</source>
        <translation>时间轴：第一个 / 最后一个事件</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>Timeline: a screen back / forward</source>
        <translation>时间轴：向前 / 向后翻一屏</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <source>Move between parts of the window</source>
        <translation>在窗口各部分之间切换</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Sort bookmarks</source>
        <translation>书签排序</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>最近添加</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>按标题</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>No bookmarks yet. Press Ctrl+D or the star in the details to bookmark an event.</source>
        <translation>还没有书签。按 Ctrl+D 或点击详情中的星标，即可将事件加入书签。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected bookmark (Delete)</source>
        <translation>移除选中的书签（Delete）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the bookmarks and notes as Markdown, CSV or JSON</source>
        <translation>将书签和备注保存为 Markdown、CSV 或 JSON 文件</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add bookmarks from a file exported before</source>
        <translation>从之前导出的文件中添加书签</translation>
    </message>
    <message>
        <source>{title} (no longer in the data)</source>
        <translation>{title}（已不在数据中）</translation>
    </message>
</context>
<context>
    <name>Browser</name>
    <message>
        <source>remove the collection</source>
        <translation>移除集合</translation>
    </message>
    <message>
        <source>Could not {0}: {1}</source>
        <translation>无法{0}：{1}</translation>
    </message>
    <message>
        <source>save the bookmark</source>
        <translation>保存书签</translation>
    </message>
    <message>
        <source>remove the bookmark</source>
        <translation>移除书签</translation>
    </message>
    <message>
        <source>restore the bookmark</source>
        <translation>恢复书签</translation>
    </message>
    <message>
        <source>save the note</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>The note on “{0}” was changed elsewhere meanwhile: both texts are kept.</source>
        <translation>“{0}”的笔记在别处已被修改：两份文字都已保留。</translation>
    </message>
    <message>
        <source>The bookmark on “{0}” was removed elsewhere; it is back, to keep your note.</source>
        <translation>“{0}”的书签已在别处被删除；为保留您的笔记，已将其恢复。</translation>
    </message>
    <message>
        <source>export the bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message>
        <source>Exported {0} bookmarks to {1}</source>
        <translation>已将 {0} 个书签导出到 {1}</translation>
    </message>
    <message>
        <source>import the bookmarks</source>
        <translation>导入书签</translation>
    </message>
    <message>
        <source>Imported {0} new or updated bookmarks</source>
        <translation>已导入 {0} 个新增或更新的书签</translation>
    </message>
</context>
<context>
    <name>ClusterPopup</name>
    <message>
        <source>{title} ({date})</source>
        <translation>{title}（{date}）</translation>
    </message>
</context>
<context>
    <name>CollectionFilter</name>
    <message>
        <source>Collections</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>Tick a collection to show its events; untick it to hide them.</source>
        <translation>勾选集合即显示其中的事件，取消勾选即隐藏。</translation>
    </message>
    <message>
        <source>Show only</source>
        <translation>仅显示此项</translation>
    </message>
    <message>
        <source>Show only the selected collection</source>
        <translation>仅显示所选集合</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Show every collection</source>
        <translation>显示所有集合</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Remove the selected imported collection</source>
        <translation>移除所选的导入集合</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message>
        <source>{0} · built in</source>
        <translation>{0} · 内置</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Event details</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <source>Select an event on the timeline or in the list</source>
        <translation>请在时间轴或列表中选择一个事件</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>上一个事件</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>加入书签</translation>
    </message>
    <message>
        <source>Bookmark this event to keep it and a note on it (Ctrl+D)</source>
        <translation>将此事件加入书签，保留它和你的备注（Ctrl+D）</translation>
    </message>
    <message>
        <source>Keep this event and a note on it. Shortcut: Ctrl+D.</source>
        <translation>加入书签，保留此事件和你的备注。快捷键：Ctrl+D。</translation>
    </message>
    <message>
        <source>Previous event (Alt+Up)</source>
        <translation>上一个事件（Alt+上方向键）</translation>
    </message>
    <message>
        <source>Next event (Alt+Down)</source>
        <translation>下一个事件（Alt+下方向键）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Named in this event (click to search)</source>
        <translation>本事件提及（点击即可搜索）</translation>
    </message>
    <message>
        <source>Related events</source>
        <translation>相关事件</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>相关名称</translation>
    </message>
    <message>
        <source>Event text</source>
        <translation>事件正文</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>已加入书签</translation>
    </message>
    <message>
        <source>Your note on this event, saved as you type.</source>
        <translation>你对此事件的备注，输入时自动保存。</translation>
    </message>
    <message>
        <source>Bookmark this event to keep a note on it.</source>
        <translation>将此事件加入书签后即可添加备注。</translation>
    </message>
    <message>
        <source>Show only {name}</source>
        <translation>只显示“{name}”</translation>
    </message>
    <message>
        <source>Search for “{name}”</source>
        <translation>搜索“{name}”</translation>
    </message>
    <message>
        <source>{title} — {date}</source>
        <translation>{title}（{date}）</translation>
    </message>
    <message>
        <source>Open this event</source>
        <translation>打开此事件</translation>
    </message>
    <message>
        <source>{publisher}, {page}; {section}, paragraph {paragraph}</source>
        <translation>{publisher}，{page}；{section}，第 {paragraph} 段</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>Date from the source</source>
        <translation>日期出自来源页面</translation>
    </message>
    <message>
        <source>Date bounded by the page&apos;s order</source>
        <translation>日期据页面顺序推定</translation>
    </message>
    <message>
        <source>Date from public record</source>
        <translation>日期出自公开记录</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Markdown (*.md);;CSV for spreadsheets (*.csv);;JSON (*.json)</source>
        <translation>Markdown (*.md);;CSV 电子表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message>
        <source>Bookmark files (*.json *.csv)</source>
        <translation>书签文件 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Import bookmarks</source>
        <translation>导入书签</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export view as image</source>
        <translation>将视图导出为图片</translation>
    </message>
    <message>
        <source>Saved the view to {0}</source>
        <translation>视图已保存到 {0}</translation>
    </message>
    <message>
        <source>museum_app timeline</source>
        <translation>museum_app 时间轴</translation>
    </message>
    <message>
        <source>About museum_app</source>
        <translation>关于 museum_app</translation>
    </message>
    <message>
        <source>&lt;h3&gt;museum_app {0}&lt;/h3&gt;&lt;p&gt;Explore the China Internet Museum&apos;s history milestones on a timeline.&lt;/p&gt;&lt;p&gt;Event facts, names, dates and figures come from the China Internet Museum&apos;s page “History &amp;gt;&amp;gt; 2014 &amp;gt;&amp;gt; Milestones”. Titles and descriptions are written by the museum_app project. Undated paragraphs are shown between the dates that the page&apos;s order allows, never at a made-up day.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;museum_app {0}&lt;/h3&gt;&lt;p&gt;在时间轴上浏览中国互联网博物馆的历史大事记。&lt;/p&gt;&lt;p&gt;事件的事实、名称、日期和数字均来自中国互联网博物馆的页面“历史 &amp;gt;&amp;gt; 2014 &amp;gt;&amp;gt; 大事记”。标题和描述由 museum_app 项目撰写。页面未写明日期的段落，显示在页面顺序所允许的两个日期之间，绝不编造具体日期。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The details are in {0}.</source>
        <translation>详细信息见 {0}。</translation>
    </message>
    <message>
        <source>The log could not be written.</source>
        <translation>无法写入日志。</translation>
    </message>
    <message>
        <source>museum_app ran into an error it did not expect: {0}

Your bookmarks and notes are saved as you make them. {1}</source>
        <translation>museum_app 遇到了意外错误：{0}

你的书签和备注在每次改动时都已保存。{1}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
</context>
<context>
    <name>EventList</name>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>No events match. Clear the search or the category filter.</source>
        <translation>没有匹配的事件。请清除搜索或分类筛选。</translation>
    </message>
    <message>
        <source>No events to show.</source>
        <translation>没有可显示的事件。</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>, </source>
        <comment>between two category names in a cell</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>★</source>
        <translation>★</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <source>Not bookmarked</source>
        <translation>未加入书签</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search events (Ctrl+F)</source>
        <translation>搜索事件（Ctrl+F）</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>An event shows while any of its categories is ticked.</source>
        <translation>事件的任一分类处于勾选状态时，该事件即会显示。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Show every category</source>
        <translation>显示所有分类</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Uncheck every category</source>
        <translation>取消勾选所有分类</translation>
    </message>
    <message>
        <source>Only this</source>
        <translation>仅此项</translation>
    </message>
    <message>
        <source>Show only the selected category</source>
        <translation>只显示选中的分类</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Skipped and changed items</source>
        <translation>已跳过和已更改的条目</translation>
    </message>
    <message>
        <source>&amp;Skipped and changed items:</source>
        <translation>已跳过和已更改的条目(&amp;S)：</translation>
    </message>
    <message>
        <source>Imported {0} events from “{1}” as the collection “{2}”; {3} skipped, {4} changed.</source>
        <translation>已从“{1}”导入 {0} 个事件，作为集合“{2}”；跳过 {3} 项，更改 {4} 项。</translation>
    </message>
    <message>
        <source>Skipped {0}: {1}</source>
        <translation>已跳过 {0}：{1}</translation>
    </message>
    <message>
        <source>Changed: {0}</source>
        <translation>已更改：{0}</translation>
    </message>
    <message>
        <source>Nothing was skipped or changed.</source>
        <translation>没有跳过或更改任何内容。</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>Timelines (*.json *.csv *.timeline *.ics *.ical);;TimelineJS (*.json *.csv);;Timeline Project (*.timeline);;Calendars (*.ics *.ical);;All files (*)</source>
        <translation>时间线 (*.json *.csv *.timeline *.ics *.ical);;TimelineJS (*.json *.csv);;Timeline Project (*.timeline);;日历 (*.ics *.ical);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open or import a timeline</source>
        <translation>打开或导入时间线</translation>
    </message>
    <message>
        <source>Importing “{0}”…</source>
        <translation>正在导入“{0}”…</translation>
    </message>
    <message>
        <source>Imported {0} events from “{1}”.</source>
        <translation>已从“{1}”导入 {0} 个事件。</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>“{0}” was not imported, and nothing was changed.</source>
        <translation>“{0}”未能导入，未做任何更改。</translation>
    </message>
    <message>
        <source>Remove collection</source>
        <translation>移除集合</translation>
    </message>
    <message>
        <source>Remove the collection “{0}” and its {1} events?

Bookmarks on its events are kept, with their notes, and come back when you import the file again.</source>
        <translation>要移除集合“{0}”及其中的 {1} 个事件吗？

这些事件上的书签及其笔记都会保留，再次导入该文件后即会恢复。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Removed the collection “{0}”; its bookmarks are kept.</source>
        <translation>已移除集合“{0}”；其书签已保留。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>China Internet Museum: milestones</source>
        <translation>中国互联网博物馆：大事记</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>{0} events</source>
        <translation>共 {0} 个事件</translation>
    </message>
    <message>
        <source>Showing {0} of {1} events</source>
        <translation>显示 {0} / {1} 个事件</translation>
    </message>
    <message>
        <source> · type another letter to search</source>
        <translation> · 再输入一个字符即可搜索</translation>
    </message>
    <message>
        <source>Removed the bookmark on “{0}”.</source>
        <translation>已移除“{0}”的书签。</translation>
    </message>
    <message>
        <source>Bookmark restored.</source>
        <translation>书签已恢复。</translation>
    </message>
    <message>
        <source>Timeline and browsing panes</source>
        <translation>时间轴与浏览窗格</translation>
    </message>
    <message>
        <source>Filters, events and details</source>
        <translation>筛选、事件列表与详情</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Bookmarks cannot be saved: {reason}. Your existing bookmarks are shown, but changes will not be kept.</source>
        <translation>无法保存书签：{reason}。现有书签仍会显示，但所做的更改不会保留。</translation>
    </message>
    <message>
        <source>A data pack was left out: {problem}</source>
        <translation>有一个数据包未载入：{problem}</translation>
    </message>
    <message>
        <source>Your bookmarks file was damaged. It was moved to {path} and kept; {count} bookmarks were recovered from it into a new file.</source>
        <translation>你的书签文件已损坏，已移至 {path} 保存；已从中恢复 {count} 个书签到新文件。</translation>
    </message>
    <message>
        <source>the file {path} is damaged and another window of the app has it open</source>
        <translation>文件 {path} 已损坏，且本应用的另一个窗口正在使用它</translation>
    </message>
    <message>
        <source>the damaged file {path} cannot be moved ({error})</source>
        <translation>无法移动已损坏的文件 {path}（{error}）</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be created ({error})</source>
        <translation>无法创建文件夹 {folder}（{error}）</translation>
    </message>
    <message>
        <source>the disk that holds {folder} is full</source>
        <translation>{folder} 所在的磁盘已满</translation>
    </message>
    <message>
        <source>the folder {folder} is read-only</source>
        <translation>文件夹 {folder} 是只读的</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written ({error})</source>
        <translation>无法写入文件夹 {folder}（{error}）</translation>
    </message>
    <message>
        <source>the file {path} is read-only</source>
        <translation>文件 {path} 是只读的</translation>
    </message>
    <message>
        <source>another program kept the file busy for too long</source>
        <translation>另一个程序占用该文件过久</translation>
    </message>
    <message>
        <source>permission was refused</source>
        <translation>权限被拒绝</translation>
    </message>
    <message>
        <source>the file cannot be written</source>
        <translation>无法写入该文件</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>无法读写磁盘</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>无法打开该文件</translation>
    </message>
    <message>
        <source>the file is damaged or is not a database</source>
        <translation>文件已损坏或不是数据库</translation>
    </message>
    <message>
        <source>the file could not be locked</source>
        <translation>无法锁定该文件</translation>
    </message>
    <message>
        <source>the computer ran out of memory</source>
        <translation>计算机内存不足</translation>
    </message>
    <message>
        <source>{path}: {problem} ({error})</source>
        <translation>{path}：{problem}（{error}）</translation>
    </message>
</context>
<context>
    <name>TimelineAccess</name>
    <message numerus="yes">
        <source>%n events, {days}</source>
        <translation>
            <numerusform>%n 个事件，{days}</numerusform>
        </translation>
    </message>
    <message>
        <source>Press to list these events</source>
        <translation>按下即可列出这些事件</translation>
    </message>
    <message>
        <source>Open this event</source>
        <translation>打开此事件</translation>
    </message>
    <message>
        <source>List these events</source>
        <translation>列出这些事件</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>Timeline legend</source>
        <translation>时间轴图例</translation>
    </message>
    <message>
        <source>An event on a known day; its colour is its category (two colours: two categories).</source>
        <translation>日期确切的事件；颜色表示其分类（两种颜色即属于两个分类）。</translation>
    </message>
    <message>
        <source>An event over known days, from its first day to its last.</source>
        <translation>持续多日且起止日期确切的事件，从第一天画到最后一天。</translation>
    </message>
    <message>
        <source>An event whose exact day is not known: it happened on some day between the bar&apos;s two ends (its title is written inside, after the start).</source>
        <translation>确切日期不明的事件：它发生在色条两端之间的某一天（标题写在色条内、起点之后）。</translation>
    </message>
    <message>
        <source>Several events too close to draw apart at this zoom; click the badge to list them and open one.</source>
        <translation>在当前缩放级别下相距太近、无法分开绘制的多个事件；点击徽标即可列出这些事件并打开其中之一。</translation>
    </message>
    <message>
        <source>A bookmarked event.</source>
        <translation>已加入书签的事件。</translation>
    </message>
    <message>
        <source>The selected event, ringed; its days are marked on the axis below.</source>
        <translation>当前选中的事件，带圆环标记；其日期范围在下方时间轴上标出。</translation>
    </message>
</context>
<context>
    <name>TimelineOverview</name>
    <message>
        <source>Timeline overview</source>
        <translation>时间轴概览</translation>
    </message>
    <message>
        <source>How events spread over the whole timeline; drag the window to move the view.</source>
        <translation>事件在整条时间轴上的分布；拖动其中的窗口框可移动视图。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>A timeline of events. Left and Right arrows select the previous or next event, Enter opens it; plus and minus zoom, F fits everything, Home and End select the first and last event, Page Up and Page Down move a screen. Drag or scroll to move, Ctrl and scroll to zoom.</source>
        <translation>事件时间轴。左、右方向键选择上一个或下一个事件，回车键打开；加号和减号缩放，F 键显示全部，Home 和 End 键选择第一个和最后一个事件，Page Up 和 Page Down 键翻过一屏。拖动或滚动鼠标滚轮可平移，按住 Ctrl 滚动可缩放。</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <source>Fit everything in view (F)</source>
        <translation>全部显示（F）</translation>
    </message>
    <message>
        <source>What the marks mean</source>
        <translation>各标记的含义</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全览</translation>
    </message>
    <message>
        <source>No events to show</source>
        <translation>没有可显示的事件</translation>
    </message>
    <message numerus="yes">
        <source>%n events here</source>
        <translation>
            <numerusform>此处有 %n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events: click to list them</source>
        <translation>
            <numerusform>%n 个事件：点击列出</numerusform>
        </translation>
    </message>
</context>
</TS>

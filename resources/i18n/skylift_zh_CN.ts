<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="38" />
        <source>Add &amp;Files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="39" />
        <source>Add F&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40" />
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40" />
        <source>Pause the selected transfers</source>
        <translation>暂停所选传输</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41" />
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41" />
        <source>Resume the selected transfers</source>
        <translation>继续所选传输</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43" />
        <source>Cancel and abort on the server</source>
        <translation>取消并在服务器上中止</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45" />
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45" />
        <source>Try the failed transfers again</source>
        <translation>重新尝试失败的传输</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="46" />
        <source>Re&amp;move from List</source>
        <translation>从列表移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="47" />
        <source>Pause &amp;All</source>
        <translation>全部暂停(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="48" />
        <source>Resume A&amp;ll</source>
        <translation>全部继续(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49" />
        <source>Open in &amp;Bucket Browser</source>
        <translation>在存储桶浏览器中打开(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="50" />
        <source>Clear &amp;Finished</source>
        <translation>清除已完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51" />
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53" />
        <source>&amp;Profiles…</source>
        <translation>配置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54" />
        <source>Bucket &amp;Browser…</source>
        <translation>存储桶浏览器(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="55" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="56" />
        <source>&amp;About Skylift</source>
        <translation>关于 Skylift(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="57" />
        <source>&amp;Stale Uploads…</source>
        <translation>残留上传(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>BucketBrowser</name>
    <message>
        <location filename="../../ui/bucket_browser.py" line="88" />
        <source>Bucket Browser</source>
        <translation>存储桶浏览器</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="99" />
        <source>Up one level</source>
        <translation>上一级</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="101" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="118" />
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="120" />
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="130" />
        <source>Upload Here</source>
        <translation>上传到这里</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="162" />
        <location filename="../../ui/bucket_browser.py" line="189" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="187" />
        <source>No buckets</source>
        <translation>没有存储桶</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="200" />
        <source>%1 item(s)</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="202" />
        <source>(first %1 shown)</source>
        <translation>（仅显示前 %1 项）</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../app/gui/controller.py" line="101" />
        <source>Another Skylift process is uploading these transfers; they are not shown: %1</source>
        <extracomment>Failures a plain resume cannot cure: the file must be read again from the start.</extracomment>
        <translation>另一个 Skylift 进程正在上传这些传输，因此未显示：%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="22" />
        <source>Unfinished transfers</source>
        <translation>未完成的传输</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="24" />
        <source>%1 transfer(s) did not finish last time.</source>
        <translation>上次有 %1 个传输未完成。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="29" />
        <source>Resume them now? They stay paused otherwise.</source>
        <translation>现在继续吗？否则它们将保持暂停。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="31" />
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="32" />
        <source>Keep Paused</source>
        <translation>保持暂停</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="41" />
        <source>Quit Skylift</source>
        <translation>退出 Skylift</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="43" />
        <source>%1 transfer(s) are still running.</source>
        <translation>还有 %1 个传输正在进行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48" />
        <source>They will be paused safely and can be resumed at the next start.</source>
        <translation>它们将被安全暂停，下次启动时可以继续。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="53" />
        <source>Pause and Quit</source>
        <translation>暂停并退出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="64" />
        <source>Cancel transfers</source>
        <translation>取消传输</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="65" />
        <source>Cancel %1 transfer(s)? Uploaded parts are deleted from the server.</source>
        <translation>取消 %1 个传输？已上传的分片将从服务器删除。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="77" />
        <source>Object exists</source>
        <translation>对象已存在</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79" />
        <source>%1 already exists in the bucket.</source>
        <translation>存储桶中已存在 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="82" />
        <source>Local file: %1. Object: %2.</source>
        <translation>本地文件：%1。对象：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="87" />
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90" />
        <source>Keep Both</source>
        <translation>保留两者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92" />
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="93" />
        <source>Apply to all</source>
        <translation>应用到全部</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105" />
        <source>About Skylift</source>
        <translation>关于 Skylift</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="106" />
        <source>Skylift %1
Resumable uploads to object storage.</source>
        <translation>Skylift %1
可断点续传的对象存储上传工具。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="150" />
        <source>… and %1 more</source>
        <translation>……以及另外 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="155" />
        <source>Not everything was queued</source>
        <translation>并非所有项目都已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="157" />
        <source>Some items could not be queued (the reasons are below). Fix them and drop them again.</source>
        <translation>部分项目未能加入队列（原因见下）。请修正后重新拖放。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162" />
        <source>Special files and links to folders were left out.</source>
        <translation>已略过特殊文件和指向文件夹的链接。</translation>
    </message>
</context>
<context>
    <name>DropPanel</name>
    <message>
        <location filename="../../ui/drop_panel.py" line="40" />
        <source>Upload to</source>
        <translation>上传到</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="56" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="62" />
        <source>folder/in/bucket/ (optional)</source>
        <translation>存储桶内的文件夹/（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="69" />
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="70" />
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="71" />
        <source>Prefix:</source>
        <translation>前缀：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="72" />
        <source>If the object exists:</source>
        <translation>对象已存在时：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="73" />
        <source>Storage class:</source>
        <translation>存储类型：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="75" />
        <source>Folders (their tree is kept)</source>
        <translation>文件夹（保留目录结构）</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="78" />
        <source>e.g. *.jpg *.png (empty: everything)</source>
        <translation>例如 *.jpg *.png（留空：全部）</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="80" />
        <source>e.g. .git *.tmp</source>
        <translation>例如 .git *.tmp</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="81" />
        <source>Create empty folders too</source>
        <translation>同时创建空文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="83" />
        <source>Include:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="84" />
        <source>Exclude:</source>
        <translation>排除：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="89" />
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="129" />
        <source>%1 file(s) and %2 folder(s): %3</source>
        <extracomment>Why the destination as typed cannot be used (Upload stays disabled until it can).</extracomment>
        <translation>%1 个文件和 %2 个文件夹：%3</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="139" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="166" />
        <source>Cannot upload there: %1</source>
        <translation>无法上传到该位置：%1</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../ui/launch.py" line="97" />
        <source>Skylift cannot open its queue</source>
        <translation>Skylift 无法打开其队列</translation>
    </message>
</context>
<context>
    <name>ListingModel</name>
    <message>
        <location filename="../../ui/bucket_browser.py" line="57" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="57" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="57" />
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>Filter by name or destination</source>
        <extracomment>Tests and scripted drops set this False to take the remembered destination as-is. Scripted runs (tests, screenshots) quit without the "transfers are running" question.</extracomment>
        <translation>按名称或目标筛选</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172" />
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>&amp;Transfers</source>
        <translation>传输(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>T&amp;ools</source>
        <translation>工具(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303" />
        <source>Cannot queue</source>
        <translation>无法加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306" />
        <source>Queued %1 file(s), skipped %2</source>
        <translation>已加入 %1 个文件，跳过 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314" />
        <source>Queueing… %1 file(s)</source>
        <translation>正在加入队列… %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359" />
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364" />
        <source>Add Folder</source>
        <translation>添加文件夹</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="12" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="13" />
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="14" />
        <source>Pausing</source>
        <translation>正在暂停</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="15" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="16" />
        <source>Completing</source>
        <translation>正在合并</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="17" />
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="18" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="19" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="20" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27" />
        <source>this folder cannot be read (%1)</source>
        <translation>无法读取此文件夹（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31" />
        <source>this file cannot be read (%1)</source>
        <translation>无法读取此文件（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35" />
        <source>a link to a folder, not followed</source>
        <translation>指向文件夹的链接，未跟随</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37" />
        <source>a link that leads nowhere</source>
        <translation>无效的链接（循环或目标不存在）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39" />
        <source>the name is not valid UTF-8; rename the file</source>
        <translation>文件名不是有效的 UTF-8，请重命名该文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41" />
        <source>the name cannot be an object key (%1); rename the file</source>
        <translation>该名称不能用作对象键（%1），请重命名该文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44" />
        <source>not a regular file (a pipe, socket or device)</source>
        <translation>不是普通文件（管道、套接字或设备）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50" />
        <source>The file changed since it was queued</source>
        <translation>文件在加入队列后已被修改</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>The file no longer exists</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54" />
        <source>The file cannot be read</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55" />
        <source>The server cannot be reached</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56" />
        <source>The credentials were rejected</source>
        <translation>凭证被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57" />
        <source>The bucket does not exist</source>
        <translation>存储桶不存在</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58" />
        <source>Access denied</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59" />
        <source>The server reported an error</source>
        <translation>服务器返回错误</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60" />
        <source>The uploaded data did not verify</source>
        <translation>上传的数据校验失败</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61" />
        <source>The file is too large for this storage</source>
        <translation>文件超出该存储的大小限制</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62" />
        <source>A stream cannot be resumed</source>
        <translation>数据流无法续传</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63" />
        <source>The server did not abort the upload</source>
        <translation>服务器未能中止上传</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64" />
        <source>The storage rejected the request</source>
        <translation>存储服务拒绝了请求</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65" />
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66" />
        <source>The checkpoint cannot be written (disk full?); stopped, resume later</source>
        <translation>无法写入断点记录（磁盘已满？）；已停止，稍后可继续</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79" />
        <source>The built-in storage stopped unexpectedly and was restarted</source>
        <translation>内置存储意外停止，已重新启动</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82" />
        <source>The built-in storage stopped unexpectedly and could not be restarted; see the log</source>
        <translation>内置存储意外停止，且无法重新启动；请查看日志</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103" />
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114" />
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="119" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127" />
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128" />
        <source>Skip if the content is the same</source>
        <translation>内容相同则跳过</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129" />
        <source>Keep both (rename)</source>
        <translation>保留两者（重命名）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130" />
        <source>Ask for each</source>
        <translation>逐个询问</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="42" />
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="46" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="47" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="61" />
        <source>Path-style addressing</source>
        <translation>路径式访问</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="72" />
        <source>⚠ No secure keyring: %1</source>
        <translation>⚠ 没有安全的密钥环：%1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="74" />
        <source>cannot be stored: no secure keyring</source>
        <translation>无法保存：没有安全的密钥环</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="76" />
        <source>Secrets are stored in: %1</source>
        <translation>密钥保存在：%1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="77" />
        <source>kept in the OS keyring; leave empty to keep</source>
        <translation>保存在系统密钥环中；留空则保持不变</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="78" />
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="86" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="87" />
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="88" />
        <source>Endpoint:</source>
        <translation>端点：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="89" />
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="91" />
        <source>Access key ID:</source>
        <translation>访问密钥 ID：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="92" />
        <source>Secret key:</source>
        <translation>私有密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="93" />
        <source>Default bucket:</source>
        <translation>默认存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="151" />
        <source>Built-in storage on this computer.</source>
        <translation>本机内置存储。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="158" />
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="182" />
        <location filename="../../ui/profile_dialog.py" line="189" />
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="182" />
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="193" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="212" />
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="215" />
        <source>Connected: %1 bucket(s)</source>
        <translation>已连接：%1 个存储桶</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="226" />
        <location filename="../../ui/profile_dialog.py" line="265" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="262" />
        <source>Cannot save profile</source>
        <translation>无法保存配置</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54" />
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="64" />
        <source>Unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69" />
        <source>Files in parallel:</source>
        <translation>并行文件数：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70" />
        <source>Parts per file:</source>
        <translation>每个文件的分片数：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71" />
        <source>Part size:</source>
        <translation>分片大小：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>Multipart from:</source>
        <translation>分片上传阈值：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73" />
        <source>Retries:</source>
        <translation>重试次数：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74" />
        <source>First retry after:</source>
        <translation>首次重试间隔：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75" />
        <source>Bandwidth limit:</source>
        <translation>带宽限制：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76" />
        <source>If the object exists:</source>
        <translation>对象已存在时：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="77" />
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82" />
        <source>Ask</source>
        <translation>询问</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83" />
        <source>Resume automatically</source>
        <translation>自动继续</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85" />
        <source>Notify when a batch finishes or a transfer fails</source>
        <translation>一批上传完成或传输失败时通知</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="87" />
        <source>Keep the computer awake while uploading</source>
        <translation>上传期间阻止电脑休眠</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90" />
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94" />
        <source>Unfinished transfers at start:</source>
        <translation>启动时的未完成传输：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98" />
        <source>A new language takes effect at the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101" />
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106" />
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113" />
        <source>System certificates</source>
        <translation>系统证书</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120" />
        <source>Proxy:</source>
        <translation>代理：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="121" />
        <source>Proxy address:</source>
        <translation>代理地址：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="122" />
        <source>CA bundle:</source>
        <translation>CA 证书包：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="123" />
        <source>Proxy and CA changes apply to connections opened after a restart.</source>
        <translation>代理和 CA 的更改在重启后新建的连接中生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="146" />
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="146" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StaleWindow</name>
    <message>
        <location filename="../../ui/stale_model.py" line="101" />
        <source>%1 min</source>
        <extracomment>The raw value a column sorts by (age as seconds, bytes as an integer), not its display text. The :class:`StaleUpload` of a row. The widest text each fixed-width column usually holds; the view sizes columns from these. PySide6 6.12's ``SignalInstance.emit`` returns ``True`` without a reference of its own, so every emit from Python takes one from ``True``; after a few hundred the interpreter aborts with "bool_dealloc". Measured once here, compensated in :func:`emit`.</extracomment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="103" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="104" />
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="128" />
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="129" />
        <source>Upload ID</source>
        <translation>上传 ID</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="130" />
        <source>Initiated</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="131" />
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="132" />
        <source>Class</source>
        <translation>存储类型</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="133" />
        <source>Parts</source>
        <translation>分片</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="134" />
        <location filename="../../ui/stale_model.py" line="287" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="135" />
        <source>Owner</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="154" />
        <source>Parts unknown: %1</source>
        <translation>分片未知：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="177" />
        <source>Orphan</source>
        <translation>孤立</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="179" />
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="286" />
        <source>Part</source>
        <translation>分片</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="288" />
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="289" />
        <source>Last modified</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="307" />
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="327" />
        <source>%1 uploads (%2 owned, %3 orphans) · %4 parts · %5 · est. %6 per month</source>
        <translation>%1 个上传（%2 个有归属，%3 个孤立）· %4 个分片 · %5 · 预计每月 %6</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="342" />
        <source>Bucket rule: not available here (%1).</source>
        <translation>存储桶规则：此处不可用（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="345" />
        <source>Bucket rule: none; stale uploads stay until someone aborts them.</source>
        <translation>存储桶规则：无；残留上传会一直保留，直到有人中止。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="349" />
        <source>Bucket rule: incomplete uploads are aborted after %1 days.</source>
        <translation>存储桶规则：未完成的上传在 %1 天后中止。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="360" />
        <source>Adopted as transfer #%1: %2 parts (%3) verified; uploading the rest.</source>
        <translation>已接管为传输 #%1：%2 个分片（%3）校验通过；正在上传其余部分。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="369" />
        <source>Not adopted: part %1 differs from the file.</source>
        <translation>未接管：分片 %1 与文件不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="372" />
        <source>Not adopted: %1</source>
        <translation>未接管：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="378" />
        <source>Abort %1 uploads and free %2 (%3 bytes)?</source>
        <translation>中止 %1 个上传并释放 %2（%3 字节）？</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="387" />
        <source>%1 uploads belong to unfinished transfers and will be kept; cancel those first.</source>
        <translation>%1 个上传属于未完成的传输，将予以保留；请先取消这些传输。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="397" />
        <source>For %1 of them an object with the same key was written after the upload began. The id may belong to an upload that completed, and aborting such ids has destroyed object data on some servers. Abort these too?</source>
        <translation>其中 %1 个上传开始后，有同名对象被写入。该 ID 可能属于已完成的上传，而在某些服务器上中止这类 ID 曾导致对象数据丢失。是否也中止它们？</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="412" />
        <source>Aborted %1 uploads, freed %2.</source>
        <translation>已中止 %1 个上传，释放 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="424" />
        <source>%1: parts %2 reappeared after the abort; abort it again.</source>
        <translation>%1：中止后分片 %2 再次出现；请再次中止。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="85" />
        <source>Stale uploads</source>
        <extracomment>The GIL switch interval while a listing runs. The ListParts workers parse XML in Python, and every cell the table paints calls into Python and must win the GIL back first: with busy workers the default 5 ms left the window frozen for hundreds of milliseconds at a time, and 1 ms cut those stalls several times over.</extracomment>
        <translation>残留上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="110" />
        <source>prefix (optional)</source>
        <extracomment>Replaceable in tests: ask the user a yes/no question.</extracomment>
        <translation>前缀（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="113" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="114" />
        <source>any age</source>
        <translation>任意时长</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="115" />
        <source>&amp;List</source>
        <translation>列出(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="116" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="120" />
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="121" />
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="122" />
        <source>Prefix:</source>
        <translation>前缀：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="123" />
        <source>Older than:</source>
        <translation>早于：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="167" />
        <source>Select an upload to see its parts.</source>
        <translation>选择一个上传以查看其分片。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="178" />
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="179" />
        <source>&amp;Adopt…</source>
        <translation>接管(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="180" />
        <source>A&amp;bort Selected…</source>
        <translation>中止所选(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="181" />
        <source>Abort &amp;Older Than…</source>
        <translation>中止早于…的上传(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="182" />
        <source>Set Bucket &amp;Rule…</source>
        <translation>设置存储桶规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="194" />
        <source> per GB-month</source>
        <translation> 每 GB·月</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="198" />
        <source>Price:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="236" />
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="280" />
        <source>Choose a profile and a bucket.</source>
        <translation>请选择配置和存储桶。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="319" />
        <source>Listing…</source>
        <translation>正在列出…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="338" />
        <source>Listed %1 uploads, sized %2</source>
        <translation>已列出 %1 个上传，已统计大小 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="355" />
        <source>Listing cancelled after %1 uploads.</source>
        <translation>已列出 %1 个上传后取消。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="358" />
        <source>%1 unfinished uploads.</source>
        <translation>%1 个未完成的上传。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="379" />
        <source>Select one upload to see its parts.</source>
        <translation>请选择一个上传以查看其分片。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="383" />
        <source>Parts of %1</source>
        <translation>%1 的分片</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="410" />
        <source>Transfer #%1 is back in the queue.</source>
        <translation>传输 #%1 已重新加入队列。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="418" />
        <source>Checking %1 against the uploaded parts…</source>
        <translation>正在将 %1 与已上传的分片比对…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="428" />
        <source>Adopt upload</source>
        <translation>接管上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="434" />
        <source>Abort uploads older than (days):</source>
        <translation>中止早于以下天数的上传：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="439" />
        <source>No listed upload is older than %1 days.</source>
        <translation>列出的上传中没有早于 %1 天的。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="447" />
        <source>Checking %1 uploads…</source>
        <translation>正在检查 %1 个上传…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="453" />
        <source>Nothing to abort.</source>
        <translation>没有需要中止的上传。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="455" />
        <location filename="../../ui/stale_window.py" line="457" />
        <location filename="../../ui/stale_window.py" line="475" />
        <source>Abort uploads</source>
        <translation>中止上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="458" />
        <source>Nothing aborted.</source>
        <translation>未中止任何上传。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="460" />
        <source>Possibly completed uploads</source>
        <translation>可能已完成的上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="479" />
        <source>Abort incomplete uploads after (days, 0 removes the rule):</source>
        <translation>在以下天数后中止未完成的上传（0 表示删除该规则）：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="494" />
        <source>The local file this upload was sending</source>
        <translation>此上传正在发送的本地文件</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="31" />
        <source>Bandwidth limit for all transfers</source>
        <extracomment>Quick choices for the bandwidth limit; 0 means unlimited.</extracomment>
        <translation>所有传输的带宽限制</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="37" />
        <source>Limit:</source>
        <translation>限速：</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="54" />
        <source>Unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="68" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="69" />
        <source>Every endpoint in use answers</source>
        <translation>所有使用中的端点均可连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="71" />
        <source>Offline — paused</source>
        <translation>离线 — 已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="73" />
        <source>Unreachable: %1. The queue resumes by itself when it answers.</source>
        <translation>无法连接：%1。恢复连接后队列会自动继续。</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="83" />
        <source>%1 of %2 files · %3 of %4</source>
        <translation>%1 / %2 个文件 · %3 / %4</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="93" />
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>TransferModel</name>
    <message>
        <location filename="../../ui/transfer_model.py" line="85" />
        <source>Name</source>
        <extracomment>data(role=SortRole) gives plain numbers/strings; ProgressRole gives a 0..1 float. Changed rows this close together share one dataChanged; beyond this many ranges, one in all.</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="86" />
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="87" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="88" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="89" />
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="90" />
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="91" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="92" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray.py" line="24" />
        <source>Show Skylift</source>
        <translation>显示 Skylift</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="61" />
        <source>Skylift — %1 active, %2% (%3 of %4)</source>
        <translation>Skylift — %1 个进行中，%2%（%3 / %4）</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="77" />
        <source>%1 uploaded, %2 failed</source>
        <translation>%1 个已上传，%2 个失败</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="83" />
        <source>%1 file(s) uploaded</source>
        <translation>已上传 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="85" />
        <source>Uploads finished</source>
        <translation>上传完成</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="91" />
        <source>Upload failed</source>
        <translation>上传失败</translation>
    </message>
</context>
</TS>
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
        <location filename="../../ui/actions.py" line="42" />
        <source>&amp;Keep a Folder Uploaded…</source>
        <translation>持续上传文件夹(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43" />
        <source>Upload a folder's new and changed files as they appear, from now on</source>
        <translation>从现在起，文件夹中新增和更改的文件一出现就上传</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45" />
        <source>&amp;Watched Folders…</source>
        <translation>监视的文件夹(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="46" />
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="46" />
        <source>Pause the selected transfers</source>
        <translation>暂停所选传输</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="47" />
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="47" />
        <source>Resume the selected transfers</source>
        <translation>继续所选传输</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49" />
        <source>Cancel and abort on the server</source>
        <translation>取消并在服务器上中止</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51" />
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51" />
        <source>Try the failed transfers again</source>
        <translation>重新尝试失败的传输</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52" />
        <source>Re&amp;move from List</source>
        <translation>从列表移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53" />
        <source>Pause &amp;All</source>
        <translation>全部暂停(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54" />
        <source>Resume A&amp;ll</source>
        <translation>全部继续(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="55" />
        <source>&amp;Open in Bucket Browser</source>
        <translation>在存储桶浏览器中打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="57" />
        <source>&amp;Select All</source>
        <translation>全选(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="63" />
        <source>&amp;Getting Started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="65" />
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="65" />
        <source>Show the log files in the file manager</source>
        <translation>在文件管理器中显示日志文件</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="67" />
        <source>Stale &amp;Uploads…</source>
        <translation>残留上传(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="69" />
        <source>&amp;Verify Folder…</source>
        <translation>校验文件夹(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="69" />
        <source>Compare a local folder with what is on the server</source>
        <translation>将本地文件夹与服务器上的内容比对</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="73" />
        <source>&amp;Group by Drop</source>
        <translation>按拖放分组(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="75" />
        <source>Show each drop as one row; expand it to see its files</source>
        <translation>每次拖放显示为一行；展开可查看其中的文件</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="56" />
        <source>Clear &amp;Finished</source>
        <translation>清除已完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="58" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="59" />
        <source>&amp;Profiles…</source>
        <translation>配置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="60" />
        <source>Bucket &amp;Browser…</source>
        <translation>存储桶浏览器(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="61" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="62" />
        <source>&amp;About Skylift</source>
        <translation>关于 Skylift(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AgeChart</name>
    <message>
        <location filename="../../ui/age_chart.py" line="25" />
        <source>under a day</source>
        <extracomment>Upper bounds of the age bands (the last is open).</extracomment>
        <translation>不到一天</translation>
    </message>
    <message>
        <location filename="../../ui/age_chart.py" line="26" />
        <source>1–7 days</source>
        <translation>1–7 天</translation>
    </message>
    <message>
        <location filename="../../ui/age_chart.py" line="27" />
        <source>7–30 days</source>
        <translation>7–30 天</translation>
    </message>
    <message>
        <location filename="../../ui/age_chart.py" line="28" />
        <source>30–90 days</source>
        <translation>30–90 天</translation>
    </message>
    <message>
        <location filename="../../ui/age_chart.py" line="29" />
        <source>over 90 days</source>
        <translation>超过 90 天</translation>
    </message>
    <message>
        <location filename="../../ui/age_chart.py" line="47" />
        <source>Bytes the unfinished uploads keep on the server, by their age</source>
        <translation>未完成的上传在服务器上占用的字节数，按存在时间分组</translation>
    </message>
</context>
<context>
    <name>BucketBrowser</name>
    <message>
        <location filename="../../ui/bucket_browser.py" line="92" />
        <source>Bucket Browser</source>
        <translation>存储桶浏览器</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="103" />
        <source>Up one level</source>
        <translation>上一级</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="105" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="122" />
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="124" />
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="134" />
        <source>Upload Here</source>
        <translation>上传到这里</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="170" />
        <location filename="../../ui/bucket_browser.py" line="197" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="195" />
        <source>No buckets</source>
        <translation>没有存储桶</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="214" />
        <source>%1 item</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="214" />
        <source>%1 items</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="234" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="241" />
        <source>Delete object</source>
        <translation>删除对象</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="242" />
        <source>Delete %1 from %2? This cannot be undone.</source>
        <translation>从 %2 删除 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="254" />
        <source>Not deleted: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="256" />
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="216" />
        <source>(first %1 shown)</source>
        <translation>（仅显示前 %1 项）</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../app/gui/controller.py" line="114" />
        <source>Another Skylift process is uploading these transfers; they are not shown: %1</source>
        <extracomment>Failures a plain resume cannot cure: the file must be read again from the start. (profile, bucket, region): a bucket was found in another region and is used there. The move option settled a file: (path, why it stays; empty when it was deleted). The watched folders' watchers run for as long as the window does (started in ``start``).</extracomment>
        <translation>另一个 Skylift 进程正在上传这些传输，因此未显示：%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="23" />
        <source>Unfinished transfers</source>
        <translation>未完成的传输</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="32" />
        <source>Resume them now? They stay paused otherwise.</source>
        <translation>现在继续吗？否则它们将保持暂停。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="34" />
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="35" />
        <source>Keep Paused</source>
        <translation>保持暂停</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="44" />
        <source>Quit Skylift</source>
        <translation>退出 Skylift</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="53" />
        <source>They will be paused safely and can be resumed at the next start.</source>
        <translation>它们将被安全暂停，下次启动时可以继续。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="58" />
        <source>Pause and Quit</source>
        <translation>暂停并退出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="69" />
        <source>Cancel transfers</source>
        <translation>取消传输</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="27" />
        <source>%1 transfer did not finish last time.</source>
        <translation>上次有 %1 个传输未完成。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="28" />
        <source>%1 transfers did not finish last time.</source>
        <translation>上次有 %1 个传输未完成。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48" />
        <source>%1 transfer is still running.</source>
        <translation>还有 %1 个传输正在进行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="49" />
        <source>%1 transfers are still running.</source>
        <translation>还有 %1 个传输正在进行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="72" />
        <source>Cancel %1 transfer? Its uploaded parts are deleted from the server.</source>
        <translation>取消 %1 个传输？已上传的分片将从服务器删除。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="75" />
        <source>Cancel %1 transfers? Their uploaded parts are deleted from the server.</source>
        <translation>取消 %1 个传输？已上传的分片将从服务器删除。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="88" />
        <source>Object exists</source>
        <translation>对象已存在</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90" />
        <source>%1 already exists in the bucket.</source>
        <translation>存储桶中已存在 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="93" />
        <source>Local file: %1. Object: %2.</source>
        <translation>本地文件：%1。对象：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="98" />
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="101" />
        <source>Keep Both</source>
        <translation>保留两者</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="103" />
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="104" />
        <source>Apply to all</source>
        <translation>应用到全部</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="116" />
        <source>About Skylift</source>
        <translation>关于 Skylift</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117" />
        <source>Skylift %1
Resumable uploads to object storage.</source>
        <translation>Skylift %1
可断点续传的对象存储上传工具。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="178" />
        <source>… and %1 more</source>
        <translation>……以及另外 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="183" />
        <source>Not everything was queued</source>
        <translation>并非所有项目都已加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="185" />
        <source>Some items could not be queued (the reasons are below). Fix them and drop them again.</source>
        <translation>部分项目未能加入队列（原因见下）。请修正后重新拖放。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="190" />
        <source>Special files and links to folders were left out.</source>
        <translation>已略过特殊文件和指向文件夹的链接。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="202" />
        <source>What went wrong</source>
        <translation>出了什么问题</translation>
    </message>
</context>
<context>
    <name>DropPanel</name>
    <message>
        <location filename="../../ui/drop_panel.py" line="42" />
        <source>Upload to</source>
        <translation>上传到</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="52" />
        <source>Counting files…</source>
        <extracomment>"1,234 files · 5.6 GiB", counted off the GUI thread; then the first object's key.</extracomment>
        <translation>正在统计文件…</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="67" />
        <source>Browse…</source>
        <extracomment>Shown when the prefix was filled in from this bucket's last upload.</extracomment>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="73" />
        <source>folder/in/bucket/ (optional)</source>
        <translation>存储桶内的文件夹/（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="80" />
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="81" />
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="82" />
        <source>Prefix:</source>
        <translation>前缀：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="84" />
        <source>First object:</source>
        <translation>第一个对象：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="85" />
        <source>If the object exists:</source>
        <translation>对象已存在时：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="86" />
        <source>Storage class:</source>
        <translation>存储类型：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="88" />
        <source>Folders (their tree is kept)</source>
        <translation>文件夹（保留目录结构）</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="91" />
        <source>e.g. *.jpg *.png (empty: everything)</source>
        <translation>例如 *.jpg *.png（留空：全部）</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="93" />
        <source>e.g. .git *.tmp</source>
        <translation>例如 .git *.tmp</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="94" />
        <source>Create empty folders too</source>
        <translation>同时创建空文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="96" />
        <source>Include:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="97" />
        <source>Exclude:</source>
        <translation>排除：</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="102" />
        <source>Delete the local files once uploaded and verified (move)</source>
        <extracomment>Not remembered between drops: deleting files is asked for each time.</extracomment>
        <translation>上传并校验后删除本地文件（移动）</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="105" />
        <source>Each file is deleted only after its object is complete and the server's checksum proves it holds the file's bytes, and the file has not changed since.</source>
        <translation>仅当对象已完整、服务器的校验和证明其内容与文件一致，且文件此后未改动时，才删除该文件。</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="113" />
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="171" />
        <location filename="../../ui/drop_panel.py" line="202" />
        <source>%1 file</source>
        <extracomment>Why the destination as typed cannot be used (Upload stays disabled until it can).</extracomment>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="171" />
        <location filename="../../ui/drop_panel.py" line="202" />
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="192" />
        <source>Last used in this bucket; type to replace it</source>
        <translation>此存储桶上次使用的前缀；直接输入即可替换</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="204" />
        <source>%1 folder</source>
        <translation>%1 个文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="204" />
        <source>%1 folders</source>
        <translation>%1 个文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="205" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="211" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="240" />
        <source>Cannot upload there: %1</source>
        <translation>无法上传到该位置：%1</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/empty_state.py" line="45" />
        <source>No transfers in this view</source>
        <translation>此视图中没有传输</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="48" />
        <source>Drop files or folders here</source>
        <translation>将文件或文件夹拖放到这里</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="49" />
        <source>They go to %1; the Upload to panel lets you change that first.</source>
        <translation>它们将上传到 %1；开始前可在“上传到”面板中更改。</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="52" />
        <source>Or use Add Files and Add Folder in the toolbar.</source>
        <translation>也可以使用工具栏中的“添加文件”和“添加文件夹”。</translation>
    </message>
</context>
<context>
    <name>GroupWords</name>
    <message numerus="yes">
        <location filename="../../ui/transfer_groups.py" line="161" />
        <source>%n file</source>
        <translation><numerusform>%n 个文件</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/transfer_groups.py" line="161" />
        <source>%n files</source>
        <translation><numerusform>%n 个文件</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/transfer_groups.py" line="164" />
        <source>%n failed</source>
        <translation><numerusform>%n 个失败</numerusform></translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <location filename="../../ui/transfer_groups.py" line="83" />
        <source>%1 · %2 of %3</source>
        <extracomment>The destination all its files share (the longest common folder). Its row among the top-level rows, or -1 while the filter hides all its files.</extracomment>
        <translation>%1 · %2 / %3</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_groups.py" line="191" />
        <source>Confirmed by the server: %1</source>
        <translation>服务器已确认：%1</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_groups.py" line="195" />
        <source>In flight: %1</source>
        <translation>正在发送：%1</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../ui/help_menu.py" line="14" />
        <source>&lt;b&gt;Drop files or folders&lt;/b&gt; on the window (or use Add Files). The Upload to panel shows where they go; press Enter to upload.</source>
        <translation>将&lt;b&gt;文件或文件夹拖放&lt;/b&gt;到窗口上（或使用“添加文件”）。“上传到”面板显示上传位置；按 Enter 开始上传。</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="19" />
        <source>&lt;b&gt;Try it without an account&lt;/b&gt;: the built-in &lt;i&gt;local&lt;/i&gt; storage keeps uploads on this computer. Add your own storage in Tools › Profiles (Amazon S3, Aliyun OSS, MinIO, Cloudflare R2 and others).</source>
        <translation>&lt;b&gt;无需账号即可试用&lt;/b&gt;：内置的 &lt;i&gt;local&lt;/i&gt; 存储把上传保存在本机。在“工具 › 配置”中添加你自己的存储（Amazon S3、阿里云 OSS、MinIO、Cloudflare R2 等）。</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="25" />
        <source>&lt;b&gt;Pause and resume&lt;/b&gt; any time, per file or all at once. Quitting, a crash or a lost network keeps every confirmed part: the upload goes on from there.</source>
        <translation>随时&lt;b&gt;暂停和继续&lt;/b&gt;，可针对单个文件或全部。退出、崩溃或断网都会保留每个已确认的分片，上传从那里继续。</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="30" />
        <source>&lt;b&gt;Nothing left behind&lt;/b&gt;: Tools › Stale Uploads lists unfinished uploads on the server, resumes the ones that match a local file and aborts the rest.</source>
        <translation>&lt;b&gt;不留残余&lt;/b&gt;：“工具 › 残留上传”列出服务器上未完成的上传，继续与本地文件匹配的上传，并中止其余的。</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="35" />
        <source>&lt;b&gt;From a terminal&lt;/b&gt;: &lt;code&gt;skylift upload FILE PROFILE:BUCKET/PREFIX&lt;/code&gt; uses the same queue; &lt;code&gt;skylift --help&lt;/code&gt; lists every command.</source>
        <translation>&lt;b&gt;在终端中&lt;/b&gt;：&lt;code&gt;skylift upload FILE PROFILE:BUCKET/PREFIX&lt;/code&gt; 使用同一个队列；&lt;code&gt;skylift --help&lt;/code&gt; 列出所有命令。</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="47" />
        <source>Getting Started</source>
        <translation>入门指南</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="28" />
        <source>Import Profiles</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="34" />
        <source>Import Checked</source>
        <translation>导入所选</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="39" />
        <source>Found in the usual places of other tools:</source>
        <translation>在其他工具的常用位置找到：</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="66" />
        <source>A profile of that name exists; importing replaces it.</source>
        <translation>已存在同名配置；导入将替换它。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="70" />
        <source>%1 — skipped: %2</source>
        <translation>%1 — 已跳过：%2</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="76" />
        <source>No profiles found in the AWS CLI, ossutil or rclone configuration.</source>
        <translation>在 AWS CLI、ossutil 或 rclone 的配置中未找到配置。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="96" />
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
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
        <location filename="../../ui/bucket_browser.py" line="61" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="61" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="61" />
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Filter by name or destination</source>
        <extracomment>Tests and scripted drops set this False to take the remembered destination as-is. Scripted runs (tests, screenshots) quit without the "transfers are running" question.</extracomment>
        <translation>按名称或目标筛选</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>All</source>
        <extracomment>One Verify window, reused: opening it again brings it to the front.</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210" />
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230" />
        <source>&amp;Transfers</source>
        <translation>传输(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>T&amp;ools</source>
        <translation>工具(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366" />
        <source>Cannot queue</source>
        <translation>无法加入队列</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371" />
        <source>Queued %1 file, skipped %2</source>
        <translation>已加入 %1 个文件，跳过 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372" />
        <source>Queued %1 files, skipped %2</source>
        <translation>已加入 %1 个文件，跳过 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382" />
        <source>Queueing… %1 file</source>
        <translation>正在加入队列… %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382" />
        <source>Queueing… %1 files</source>
        <translation>正在加入队列… %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397" />
        <source>Kept %1: %2</source>
        <translation>保留了 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400" />
        <source>Moved %1 to the server</source>
        <translation>已将 %1 移到服务器</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403" />
        <source>Bucket %1 is in region %2; profile %3 uses it from now on</source>
        <translation>存储桶 %1 位于区域 %2；配置 %3 今后使用该区域</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="450" />
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455" />
        <source>Error Details…</source>
        <translation>错误详情…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459" />
        <source>Restart from 0</source>
        <translation>从头重新上传</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460" />
        <source>Forget the parts sent and upload the whole file again</source>
        <translation>丢弃已发送的分片，重新上传整个文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467" />
        <source>Edit Profile…</source>
        <translation>编辑配置…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="499" />
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="505" />
        <source>Add Folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="520" />
        <location filename="../../ui/main_window.py" line="530" />
        <location filename="../../ui/main_window.py" line="537" />
        <source>Keep a Folder Uploaded</source>
        <translation>持续上传文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531" />
        <source>Choose where uploads go first: add a profile with a bucket, or upload a file once.</source>
        <translation>请先选择上传位置：添加一个带存储桶的配置，或先上传一次文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539" />
        <source>Watching %1: new and changed files go to %2</source>
        <translation>正在监视 %1：新增和更改的文件将上传到 %2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="30" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31" />
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32" />
        <source>Pausing</source>
        <translation>正在暂停</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34" />
        <source>Completing</source>
        <translation>正在合并</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35" />
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45" />
        <source>this folder cannot be read (%1)</source>
        <translation>无法读取此文件夹（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49" />
        <source>this file cannot be read (%1)</source>
        <translation>无法读取此文件（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>a link to a folder, not followed</source>
        <translation>指向文件夹的链接，未跟随</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55" />
        <source>a link that leads nowhere</source>
        <translation>无效的链接（循环或目标不存在）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57" />
        <source>the name is not valid UTF-8; rename the file</source>
        <translation>文件名不是有效的 UTF-8，请重命名该文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59" />
        <source>the name cannot be an object key (%1); rename the file</source>
        <translation>该名称不能用作对象键（%1），请重命名该文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62" />
        <source>not a regular file (a pipe, socket or device)</source>
        <translation>不是普通文件（管道、套接字或设备）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="68" />
        <source>The file changed since it was queued</source>
        <translation>文件在加入队列后已被修改</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71" />
        <source>The file no longer exists</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72" />
        <source>The file cannot be read</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73" />
        <source>The server cannot be reached</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74" />
        <source>The credentials were rejected</source>
        <translation>凭证被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75" />
        <source>The bucket does not exist</source>
        <translation>存储桶不存在</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76" />
        <source>Access denied</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77" />
        <source>The server reported an error</source>
        <translation>服务器返回错误</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78" />
        <source>The uploaded data did not verify</source>
        <translation>上传的数据校验失败</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79" />
        <source>The file is too large for this storage</source>
        <translation>文件超出该存储的大小限制</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80" />
        <source>A stream cannot be resumed</source>
        <translation>数据流无法续传</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81" />
        <source>The server did not abort the upload</source>
        <translation>服务器未能中止上传</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82" />
        <source>The storage rejected the request</source>
        <translation>存储服务拒绝了请求</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83" />
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84" />
        <source>The checkpoint cannot be written (disk full?); stopped, resume later</source>
        <translation>无法写入断点记录（磁盘已满？）；已停止，稍后可继续</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87" />
        <source>This upload is encrypted with a customer key; give the key again to resume</source>
        <translation>此上传使用客户提供的密钥加密；请再次提供该密钥以继续</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100" />
        <source>the file changed after it was uploaded</source>
        <translation>文件在上传后被改动</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101" />
        <source>the server cannot prove the object holds the same bytes</source>
        <translation>服务器无法证明对象内容与文件相同</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104" />
        <source>the object is not on the server</source>
        <translation>服务器上没有该对象</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="105" />
        <source>the object on the server is not this file</source>
        <translation>服务器上的对象不是这个文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="106" />
        <source>the server did not answer; it is tried again later</source>
        <translation>服务器没有响应，稍后会再试</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109" />
        <source>Skylift closed before the file could be deleted; it is tried again later</source>
        <translation>Skylift 在删除文件前关闭了，稍后会再试</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112" />
        <source>its object could not be checked (see the log)</source>
        <translation>无法检查其对象（请查看日志）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118" />
        <source>The built-in storage stopped unexpectedly and was restarted</source>
        <translation>内置存储意外停止，已重新启动</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="121" />
        <source>The built-in storage stopped unexpectedly and could not be restarted; see the log</source>
        <translation>内置存储意外停止，且无法重新启动；请查看日志</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141" />
        <source>The access key was refused — check the access key id in Profiles</source>
        <translation>访问密钥被拒绝——请在“配置”中检查 Access Key ID</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145" />
        <source>The secret key does not match the access key — check the secret in Profiles</source>
        <translation>密钥与访问密钥不匹配——请在“配置”中检查 Secret</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149" />
        <source>The session token has expired or is invalid — renew it in Profiles</source>
        <translation>会话令牌已过期或无效——请在“配置”中更新</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="153" />
        <source>This computer's clock is wrong — set the date and time automatically</source>
        <translation>本机时钟不准确——请设置为自动同步日期和时间</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157" />
        <source>This key may not write here — ask for write access to the bucket</source>
        <translation>此密钥无权在这里写入——请申请该存储桶的写权限</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161" />
        <source>The bucket does not exist — check its name or create it</source>
        <translation>存储桶不存在——请检查名称或先创建它</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165" />
        <source>The server asked for fewer requests — Skylift slowed down and tries again</source>
        <translation>服务器要求减少请求——Skylift 已放慢速度并重试</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="169" />
        <source>The file is larger than this storage accepts in one object</source>
        <translation>文件超过了此存储单个对象允许的大小</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173" />
        <source>This storage does not offer that storage class — choose another in Settings</source>
        <translation>此存储不提供该存储类型——请在“设置”中另选</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="178" />
        <source>The server's certificate is not trusted — add its authority in Settings › Network</source>
        <translation>服务器证书不受信任——请在“设置 › 网络”中添加其证书颁发机构</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="183" />
        <source>The server refused the connection — is it running, and is the endpoint right?</source>
        <translation>服务器拒绝连接——服务是否在运行？端点是否正确？</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="187" />
        <source>The server stopped answering — Skylift tries again</source>
        <translation>服务器没有响应——Skylift 会重试</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="191" />
        <source>The server's name cannot be found — check the endpoint and the network</source>
        <translation>找不到服务器名称——请检查端点和网络</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208" />
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="216" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="219" />
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="232" />
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="233" />
        <source>Skip if the content is the same</source>
        <translation>内容相同则跳过</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="234" />
        <source>Keep both (rename)</source>
        <translation>保留两者（重命名）</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="235" />
        <source>Ask for each</source>
        <translation>逐个询问</translation>
    </message>
</context>
<context>
    <name>ObjectOptionsBox</name>
    <message>
        <location filename="../../ui/object_options.py" line="42" />
        <source>Options</source>
        <extracomment>Any field edited: the panel asks ``problem()`` again. Defaults the section does not show (content-encoding): sent as the command line would.</extracomment>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="51" />
        <source>guessed from each file name</source>
        <translation>按文件名推断</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="53" />
        <source>e.g. max-age=3600</source>
        <translation>例如 max-age=3600</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="55" />
        <source>e.g. attachment</source>
        <translation>例如 attachment</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="58" />
        <location filename="../../ui/object_options.py" line="61" />
        <source>one key=value per line</source>
        <translation>每行一个 键=值</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="64" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="65" />
        <source>AES-256 (keys managed by the storage)</source>
        <translation>AES-256（由存储服务管理密钥）</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="66" />
        <source>KMS</source>
        <translation>KMS</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="68" />
        <source>KMS key id (empty: the default key)</source>
        <translation>KMS 密钥 ID（留空：使用默认密钥）</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="71" />
        <source>Content type:</source>
        <translation>内容类型：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="72" />
        <source>Cache-Control:</source>
        <translation>Cache-Control：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="73" />
        <source>Content-Disposition:</source>
        <translation>Content-Disposition：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="74" />
        <source>Access (ACL):</source>
        <translation>访问权限（ACL）：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="75" />
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="76" />
        <source>Metadata:</source>
        <translation>元数据：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="77" />
        <source>Encryption:</source>
        <translation>加密：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="78" />
        <source>KMS key id:</source>
        <translation>KMS 密钥 ID：</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="105" />
        <source>Bucket default</source>
        <translation>存储桶默认</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="126" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="130" />
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <location filename="../../ui/object_options.py" line="133" />
        <source>Metadata %1 must be ASCII</source>
        <translation>元数据 %1 必须是 ASCII 字符</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="46" />
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="50" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="51" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="58" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="59" />
        <source>Profiles from the AWS CLI, ossutil or rclone configuration</source>
        <translation>从 AWS CLI、ossutil 或 rclone 的配置导入配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="68" />
        <source>Path-style addressing</source>
        <translation>路径式访问</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="73" />
        <source>Access key and secret</source>
        <translation>访问密钥和私有密钥</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="74" />
        <source>AWS config profile</source>
        <translation>AWS 配置文件中的配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="75" />
        <source>Environment / default AWS chain</source>
        <translation>环境变量 / AWS 默认凭证链</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="78" />
        <source>An AWS config profile comes from ~/.aws/config and ~/.aws/credentials (roles, SSO and credential_process included); the environment means AWS_PROFILE or AWS_ACCESS_KEY_ID (OSS_ACCESS_KEY_ID for OSS).</source>
        <translation>AWS 配置来自 ~/.aws/config 和 ~/.aws/credentials（包括角色、SSO 和 credential_process）；环境变量指 AWS_PROFILE 或 AWS_ACCESS_KEY_ID（OSS 为 OSS_ACCESS_KEY_ID）。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="84" />
        <source>a profile name in ~/.aws/config</source>
        <translation>~/.aws/config 中的配置名称</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="88" />
        <source>only for temporary (STS) keys; kept in the OS keyring</source>
        <translation>仅用于临时（STS）密钥；保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="97" />
        <source>⚠ No secure keyring: %1</source>
        <translation>⚠ 没有安全的密钥环：%1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="99" />
        <source>cannot be stored: no secure keyring</source>
        <translation>无法保存：没有安全的密钥环</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="101" />
        <source>Secrets are stored in: %1</source>
        <translation>密钥保存在：%1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="103" />
        <source>kept in the OS keyring; leave empty to keep</source>
        <translation>保存在系统密钥环中；留空则保持不变</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="104" />
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="112" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="113" />
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="114" />
        <source>Endpoint:</source>
        <translation>端点：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="115" />
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="117" />
        <source>Credentials:</source>
        <translation>凭证：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="118" />
        <source>AWS profile:</source>
        <translation>AWS 配置：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="119" />
        <source>Access key ID:</source>
        <translation>访问密钥 ID：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="120" />
        <source>Secret key:</source>
        <translation>私有密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="121" />
        <source>Session token:</source>
        <translation>会话令牌：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="122" />
        <source>Default bucket:</source>
        <translation>默认存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="204" />
        <source>Built-in storage on this computer.</source>
        <translation>本机内置存储。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="209" />
        <source>started when first used</source>
        <translation>首次使用时启动</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="212" />
        <source>Built-in storage on this computer, now at %1 (the port changes at each start).</source>
        <translation>本机内置存储，当前地址 %1（每次启动端口会变化）。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="215" />
        <source>Built-in storage on this computer; it starts when first used.</source>
        <translation>本机内置存储；首次使用时启动。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="226" />
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="263" />
        <location filename="../../ui/profile_dialog.py" line="270" />
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="263" />
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="280" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="302" />
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="306" />
        <source>Connected: %1 bucket</source>
        <translation>已连接：%1 个存储桶</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="306" />
        <source>Connected: %1 buckets</source>
        <translation>已连接：%1 个存储桶</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="318" />
        <location filename="../../ui/profile_dialog.py" line="366" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="362" />
        <source>Cannot save profile</source>
        <translation>无法保存配置</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="381" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="382" />
        <source>Save the changes to profile %1?</source>
        <translation>保存对配置 %1 的更改？</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="63" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72" />
        <source>Unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54" />
        <source>Parts of one large file sent at once; small files go up in one request each</source>
        <translation>一个大文件同时发送的分片数；小文件每个只需一个请求</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56" />
        <source>Files uploading at the same time; the others wait in the queue</source>
        <translation>同时上传的文件数；其余文件在队列中等待</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="77" />
        <source>Files at once:</source>
        <translation>同时上传文件数：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="78" />
        <source>Parts at once per file:</source>
        <translation>每个文件同时分片数：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="79" />
        <source>Part size:</source>
        <translation>分片大小：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="80" />
        <source>Multipart from:</source>
        <translation>分片上传阈值：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81" />
        <source>Retries:</source>
        <translation>重试次数：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82" />
        <source>First retry after:</source>
        <translation>首次重试间隔：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83" />
        <source>Bandwidth limit:</source>
        <translation>带宽限制：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84" />
        <source>If the object exists:</source>
        <translation>对象已存在时：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85" />
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90" />
        <source>Ask</source>
        <translation>询问</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91" />
        <source>Resume automatically</source>
        <translation>自动继续</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93" />
        <source>Notify when a batch finishes or a transfer fails</source>
        <translation>一批上传完成或传输失败时通知</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="95" />
        <source>Keep the computer awake while uploading</source>
        <translation>上传期间阻止电脑休眠</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98" />
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="102" />
        <source>Unfinished transfers at start:</source>
        <translation>启动时的未完成传输：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106" />
        <source>A new language takes effect at the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="109" />
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114" />
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115" />
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="122" />
        <source>System certificates</source>
        <translation>系统证书</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="123" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="129" />
        <source>Proxy:</source>
        <translation>代理：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="130" />
        <source>Proxy address:</source>
        <translation>代理地址：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="131" />
        <source>CA bundle:</source>
        <translation>CA 证书包：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="134" />
        <source>Proxy and CA changes apply to every request from now on; loopback addresses are always reached directly.</source>
        <translation>代理和 CA 的更改立即对之后的每个请求生效；本机回环地址始终直接连接。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="141" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="160" />
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="160" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <location filename="../../ui/share_dialog.py" line="43" />
        <source>Copy Object URL</source>
        <extracomment>The expiry choices, in seconds; None: the user types a duration.</extracomment>
        <translation>复制对象 URL</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="44" />
        <source>Copy Share Link…</source>
        <translation>复制分享链接…</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="50" />
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="53" />
        <source>Cannot make the link: %1</source>
        <translation>无法生成链接：%1</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../ui/share_dialog.py" line="74" />
        <source>Share Link</source>
        <translation>分享链接</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="79" />
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="79" />
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="79" />
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="79" />
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="83" />
        <source>e.g. 30m, 12h, 3d (at most 7d)</source>
        <translation>例如 30m、12h、3d（最长 7d）</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="85" />
        <source>Create and Copy</source>
        <translation>生成并复制</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="92" />
        <source>Object:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="93" />
        <source>Link works for:</source>
        <translation>链接有效期：</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="121" />
        <location filename="../../ui/share_dialog.py" line="132" />
        <source>Cannot make the link: %1</source>
        <translation>无法生成链接：%1</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="124" />
        <source>Making the link…</source>
        <translation>正在生成链接…</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="138" />
        <source>Copied to the clipboard. The link works until %1.</source>
        <translation>已复制到剪贴板。链接有效期至 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="140" />
        <source>The built-in storage serves it only while Skylift runs.</source>
        <translation>内置存储仅在 Skylift 运行时提供该链接。</translation>
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
        <source>Uploads: %1 (%2 owned, %3 orphaned) · parts: %4 · %5 · est. %6 per month</source>
        <translation>上传：%1 个（%2 个有归属，%3 个孤立）· 分片：%4 个 · %5 · 预计每月 %6</translation>
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
        <location filename="../../ui/stale_model.py" line="380" />
        <source>Abort %1 upload and free %2 (%3 bytes)?</source>
        <translation>中止 %1 个上传并释放 %2（%3 字节）？</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="381" />
        <source>Abort %1 uploads and free %2 (%3 bytes)?</source>
        <translation>中止 %1 个上传并释放 %2（%3 字节）？</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="393" />
        <source>%1 upload belongs to an unfinished transfer and will be kept; cancel it first.</source>
        <translation>%1 个上传属于未完成的传输，将予以保留；请先取消该传输。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="397" />
        <source>%1 uploads belong to unfinished transfers and will be kept; cancel those first.</source>
        <translation>%1 个上传属于未完成的传输，将予以保留；请先取消这些传输。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="408" />
        <source>For %1 of them an object with the same key was written after the upload began. The id may belong to an upload that completed, and aborting such ids has destroyed object data on some servers. Abort these too?</source>
        <translation>其中 %1 个上传开始后，有同名对象被写入。该 ID 可能属于已完成的上传，而在某些服务器上中止这类 ID 曾导致对象数据丢失。是否也中止它们？</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="425" />
        <source>Aborted %1 upload, freed %2.</source>
        <translation>已中止 %1 个上传，释放 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="426" />
        <source>Aborted %1 uploads, freed %2.</source>
        <translation>已中止 %1 个上传，释放 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="439" />
        <source>%1: parts %2 reappeared after the abort; abort it again.</source>
        <translation>%1：中止后分片 %2 再次出现；请再次中止。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="87" />
        <source>Stale uploads</source>
        <extracomment>The GIL switch interval while a listing runs. The ListParts workers parse XML in Python, and every cell the table paints calls into Python and must win the GIL back first: with busy workers the default 5 ms left the window frozen for hundreds of milliseconds at a time, and 1 ms cut those stalls several times over.</extracomment>
        <translation>残留上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="112" />
        <source>prefix (optional)</source>
        <extracomment>Replaceable in tests: ask the user a yes/no question.</extracomment>
        <translation>前缀（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="115" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="116" />
        <source>any age</source>
        <translation>任意时长</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="117" />
        <source>&amp;List</source>
        <translation>列出(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="118" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="122" />
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="123" />
        <source>Bucket:</source>
        <translation>存储桶：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="124" />
        <source>Prefix:</source>
        <translation>前缀：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="125" />
        <source>Older than:</source>
        <translation>早于：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="169" />
        <source>Select an upload to see its parts.</source>
        <translation>选择一个上传以查看其分片。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="180" />
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="181" />
        <source>&amp;Adopt…</source>
        <translation>接管(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="182" />
        <source>A&amp;bort Selected…</source>
        <translation>中止所选(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="183" />
        <source>Abort &amp;Older Than…</source>
        <translation>中止早于…的上传(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="184" />
        <source>Set Bucket &amp;Rule…</source>
        <translation>设置存储桶规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="196" />
        <source> per GB-month</source>
        <translation> 每 GB·月</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="200" />
        <source>Price:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="240" />
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="284" />
        <source>Choose a profile and a bucket.</source>
        <translation>请选择配置和存储桶。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="323" />
        <source>Listing…</source>
        <translation>正在列出…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="342" />
        <source>Uploads listed: %1, sized: %2</source>
        <translation>已列出上传：%1 个，已统计大小：%2 个</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="359" />
        <source>Listing cancelled; uploads listed: %1.</source>
        <translation>已取消列出；已列出上传 %1 个。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="364" />
        <source>%1 unfinished uploads.</source>
        <translation>%1 个未完成的上传。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="364" />
        <source>%1 unfinished upload.</source>
        <translation>%1 个未完成的上传。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="387" />
        <source>Select one upload to see its parts.</source>
        <translation>请选择一个上传以查看其分片。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="391" />
        <source>Parts of %1</source>
        <translation>%1 的分片</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="418" />
        <source>Transfer #%1 is back in the queue.</source>
        <translation>传输 #%1 已重新加入队列。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="426" />
        <source>Checking %1 against the uploaded parts…</source>
        <translation>正在将 %1 与已上传的分片比对…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="436" />
        <source>Adopt upload</source>
        <translation>接管上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="442" />
        <source>Abort uploads older than (days):</source>
        <translation>中止早于以下天数的上传：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="447" />
        <source>No listed upload is older than %1 days.</source>
        <translation>列出的上传中没有早于 %1 天的。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="457" />
        <source>Checking %1 uploads…</source>
        <translation>正在检查 %1 个上传…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="457" />
        <source>Checking %1 upload…</source>
        <translation>正在检查 %1 个上传…</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="464" />
        <source>Nothing to abort.</source>
        <translation>没有需要中止的上传。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="466" />
        <location filename="../../ui/stale_window.py" line="468" />
        <location filename="../../ui/stale_window.py" line="486" />
        <source>Abort uploads</source>
        <translation>中止上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="469" />
        <source>Nothing aborted.</source>
        <translation>未中止任何上传。</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="471" />
        <source>Possibly completed uploads</source>
        <translation>可能已完成的上传</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="490" />
        <source>Abort incomplete uploads after (days, 0 removes the rule):</source>
        <translation>在以下天数后中止未完成的上传（0 表示删除该规则）：</translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="505" />
        <source>The local file this upload was sending</source>
        <translation>此上传正在发送的本地文件</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="35" />
        <source>Bandwidth limit for all transfers</source>
        <extracomment>Quick choices for the bandwidth limit; 0 means unlimited.</extracomment>
        <translation>所有传输的带宽限制</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="48" />
        <source>Limit:</source>
        <extracomment>"2 failed", a link to the Failed tab: a failure must not hide among done rows.</extracomment>
        <translation>限速：</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="65" />
        <source>Unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="79" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="80" />
        <source>Every endpoint in use answers</source>
        <translation>所有使用中的端点均可连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="82" />
        <source>Offline — paused</source>
        <translation>离线 — 已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="84" />
        <source>Unreachable: %1. The queue resumes by itself when it answers.</source>
        <translation>无法连接：%1。恢复连接后队列会自动继续。</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="94" />
        <source>%1 of %2 files · %3 of %4</source>
        <translation>%1 / %2 个文件 · %3 / %4</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="104" />
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="106" />
        <source>Show the failed transfers</source>
        <translation>显示失败的传输</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="112" />
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>ThroughputGraph</name>
    <message>
        <location filename="../../ui/throughput.py" line="28" />
        <source>Upload speed over the last five minutes</source>
        <extracomment>The window of time the graph shows. (whole second, bytes per second) for the last SECONDS seconds.</extracomment>
        <translation>最近五分钟的上传速度</translation>
    </message>
    <message>
        <location filename="../../ui/throughput.py" line="65" />
        <source>Upload speed over the last five minutes: now %1, peak %2</source>
        <translation>最近五分钟的上传速度：当前 %1，峰值 %2</translation>
    </message>
</context>
<context>
    <name>TransferModel</name>
    <message>
        <location filename="../../ui/transfer_model.py" line="165" />
        <source>Name</source>
        <extracomment>States whose error is shown: a failure, and a pause the engine chose (a refused key, or the network in the window). Storage row -&gt; its group's index in ``_groups`` (-1: queued alone). Storage row -&gt; its row under its parent (top level or group), -1 while hidden.</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="166" />
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="167" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="168" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="169" />
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="170" />
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="171" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="172" />
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
        <location filename="../../ui/tray.py" line="85" />
        <source>%1 file uploaded</source>
        <translation>已上传 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="86" />
        <source>%1 files uploaded</source>
        <translation>已上传 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="89" />
        <source>Uploads finished</source>
        <translation>上传完成</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="95" />
        <source>Upload failed</source>
        <translation>上传失败</translation>
    </message>
</context>
<context>
    <name>VerifyWindow</name>
    <message>
        <location filename="../../ui/verify_window.py" line="51" />
        <source>Verify folder</source>
        <extracomment>From the verify thread (queued): it has ended, drain now rather than at the next tick.</extracomment>
        <translation>校验文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="68" />
        <source>The local folder to compare</source>
        <translation>要比对的本地文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="69" />
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="78" />
        <source>folder/in/bucket/ (optional)</source>
        <translation>存储桶内的文件夹/（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="81" />
        <source>&amp;Bucket:</source>
        <translation>存储桶(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="81" />
        <source>Pr&amp;efix:</source>
        <translation>前缀(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="84" />
        <source>&amp;Read every file again</source>
        <translation>重新读取每个文件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="87" />
        <source>Ignore the checksums recorded by earlier uploads and verifies: slower, but it also catches a file changed without a new size or modification time.</source>
        <translation>忽略之前上传和校验时记录的校验和：速度较慢，但也能发现大小和修改时间都没变的文件改动。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="91" />
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="92" />
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="103" />
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="104" />
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="108" />
        <source>Choose a folder and where it was uploaded, then Start.</source>
        <translation>选择文件夹及其上传位置，然后点击“开始”。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="110" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="110" />
        <source>Only problems</source>
        <translation>仅显示问题</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="111" />
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="124" />
        <source>Sa&amp;ve Report…</source>
        <translation>保存报告(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="176" />
        <source>Folder to verify</source>
        <translation>要校验的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="211" />
        <source>Reading the folder…</source>
        <translation>正在读取文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="218" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="259" />
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="261" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="269" />
        <source>Cannot write %1: %2. Choose another place.</source>
        <translation>无法写入 %1：%2。请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_window.py" line="272" />
        <source>Report saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="27" />
        <source>Same</source>
        <translation>相同</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="28" />
        <source>Different</source>
        <translation>不同</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="29" />
        <source>Missing on server</source>
        <translation>服务器上缺失</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="30" />
        <source>Only on server</source>
        <translation>仅在服务器上</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="31" />
        <source>Same size, unproven</source>
        <translation>大小相同，未能证实</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="32" />
        <source>Changed while read</source>
        <translation>读取时被修改</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="33" />
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="34" />
        <source>Not checked</source>
        <translation>未能检查</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="41" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="42" />
        <source>CRC32</source>
        <translation>CRC32</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="43" />
        <source>CRC32 (parts)</source>
        <translation>CRC32（分片）</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="44" />
        <source>CRC64</source>
        <translation>CRC64</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="45" />
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="46" />
        <source>MD5 (parts)</source>
        <translation>MD5（分片）</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="47" />
        <source>recorded at upload</source>
        <translation>上传时的记录</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="48" />
        <source>size only</source>
        <translation>仅比较大小</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="59" />
        <source>the file changed while it was read</source>
        <translation>读取期间文件被修改</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="60" />
        <source>the server shows no checksum that can be compared</source>
        <translation>服务器没有可供比对的校验和</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="63" />
        <source>the object was uploaded in parts of unknown size: its checksum cannot be recomputed</source>
        <translation>该对象以未知大小的分片上传，无法重新计算其校验和</translation>
    </message>
    <message>
        <location filename="../../ui/verify_model.py" line="92" />
        <source>Name</source>
        <extracomment>The Comparison of a row. The widest text each fixed-width column usually holds; the view sizes columns from these.</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/verify_model.py" line="93" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/verify_model.py" line="94" />
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/verify_model.py" line="95" />
        <source>Local size</source>
        <translation>本地大小</translation>
    </message>
    <message>
        <location filename="../../ui/verify_model.py" line="96" />
        <source>Server size</source>
        <translation>服务器大小</translation>
    </message>
    <message>
        <location filename="../../ui/verify_model.py" line="97" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/verify_model.py" line="126" />
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="79" />
        <source>Choose the folder to verify.</source>
        <translation>请选择要校验的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="82" />
        <source>There is no folder %1. Choose a folder that exists.</source>
        <translation>文件夹 %1 不存在。请选择一个存在的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="86" />
        <source>Add a profile first (Tools › Profiles…).</source>
        <translation>请先添加配置（工具 › 配置…）。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="88" />
        <source>Enter the bucket the folder was uploaded to.</source>
        <translation>请输入该文件夹上传到的存储桶。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="92" />
        <source>Cannot verify against that destination: %1.</source>
        <translation>无法与该目标比对：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="102" />
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="112" />
        <source>%1 of %2 files</source>
        <translation>%1 / %2 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="114" />
        <source>%1 different</source>
        <translation>%1 个不同</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="115" />
        <source>%1 missing</source>
        <translation>%1 个缺失</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="116" />
        <source>%1 only on server</source>
        <translation>%1 个仅在服务器上</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="117" />
        <source>%1 by size only</source>
        <translation>%1 个仅比较了大小</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="118" />
        <source>%1 changed while read</source>
        <translation>%1 个读取时被修改</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="119" />
        <source>%1 unreadable</source>
        <translation>%1 个无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="120" />
        <source>%1 not checked</source>
        <translation>%1 个未能检查</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="135" />
        <source>1 file differs</source>
        <translation>1 个文件不同</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="136" />
        <source>%1 files differ</source>
        <translation>%1 个文件不同</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="143" />
        <source>1 is missing</source>
        <translation>1 个缺失</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="144" />
        <source>%1 are missing</source>
        <translation>%1 个缺失</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="151" />
        <source>1 object is only on the server</source>
        <translation>1 个对象仅在服务器上</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="152" />
        <source>%1 objects are only on the server</source>
        <translation>%1 个对象仅在服务器上</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="159" />
        <source>1 changed while it was read</source>
        <translation>1 个在读取时被修改</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="160" />
        <source>%1 changed while they were read</source>
        <translation>%1 个在读取时被修改</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="167" />
        <source>1 cannot be read</source>
        <translation>1 个无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="168" />
        <source>%1 cannot be read</source>
        <translation>%1 个无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="175" />
        <source>1 could not be checked</source>
        <translation>1 个未能检查</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="176" />
        <source>%1 could not be checked</source>
        <translation>%1 个未能检查</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="181" />
        <source>The folder holds no files to verify.</source>
        <translation>该文件夹中没有需要校验的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="184" />
        <source>All %1 files are on the server, unchanged (%2 by checksum, %3 by size only).</source>
        <translation>全部 %1 个文件都在服务器上且未改变（%2 个经校验和证实，%3 个仅比较了大小）。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="194" />
        <source>All %1 files are on the server, unchanged, each proven by checksum.</source>
        <translation>全部 %1 个文件都在服务器上且未改变，每个都经校验和证实。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="201" />
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="202" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="209" />
        <source>The other file is unchanged.</source>
        <translation>另外 1 个文件未改变。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="210" />
        <source>The other %1 files are unchanged.</source>
        <translation>其余 %1 个文件未改变。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="214" />
        <source>Stopped before the end. So far: %1</source>
        <translation>未完成即已停止。目前结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="220" />
        <source>1 item in the folder was not verified (unreadable, or not a regular file).</source>
        <translation>文件夹中有 1 项未校验（无法读取或不是普通文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="224" />
        <source>%1 items in the folder were not verified (unreadable, or not regular files).</source>
        <translation>文件夹中有 %1 项未校验（无法读取或不是普通文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="239" />
        <source>The bucket %1 does not exist on the server of profile %2. Check its name, then Start again.</source>
        <translation>配置 %2 的服务器上不存在存储桶 %1。请检查名称，然后重新开始。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="249" />
        <source>The bucket %1 cannot be listed: %2. Check the keys of profile %3 (Tools › Profiles…).</source>
        <translation>无法列出存储桶 %1：%2。请检查配置 %3 的密钥（工具 › 配置…）。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="259" />
        <source>The server of profile %1 cannot be reached: %2. Check the network, then Start again.</source>
        <translation>无法连接配置 %1 的服务器：%2。请检查网络，然后重新开始。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="267" />
        <source>The bucket %1 cannot be listed: %2. Start again later.</source>
        <translation>无法列出存储桶 %1：%2。请稍后重新开始。</translation>
    </message>
    <message>
        <location filename="../../ui/verify_texts.py" line="274" />
        <source>Verify stopped: %1. Check the folder and profile %2, then Start again.</source>
        <translation>校验已中止：%1。请检查文件夹和配置 %2，然后重新开始。</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <location filename="../../ui/watch_dialog.py" line="65" />
        <source>Watched Folders</source>
        <translation>监视的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="76" />
        <source>New and changed files in these folders are uploaded once they stop changing. Files deleted here are not deleted on the server.</source>
        <translation>这些文件夹中新增和更改的文件在停止变化后上传。在此删除的文件不会从服务器上删除。</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="82" />
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="83" />
        <source>Stop watching the selected folder</source>
        <translation>停止监视所选文件夹</translation>
    </message>
</context>
<context>
    <name>WatchModel</name>
    <message>
        <location filename="../../ui/watch_dialog.py" line="56" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/watch_dialog.py" line="56" />
        <source>Uploads to</source>
        <translation>上传到</translation>
    </message>
</context>
</TS>
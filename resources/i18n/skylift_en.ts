<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="38"/>
        <source>Add &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="39"/>
        <source>Add F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40"/>
        <source>Pause the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41"/>
        <source>Resume the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43"/>
        <source>Cancel and abort on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45"/>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45"/>
        <source>Try the failed transfers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="46"/>
        <source>Re&amp;move from List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="47"/>
        <source>Pause &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="48"/>
        <source>Resume A&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="49"/>
        <source>Open in &amp;Bucket Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="50"/>
        <source>Clear &amp;Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="51"/>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="52"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="53"/>
        <source>&amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="54"/>
        <source>Bucket &amp;Browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="55"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="56"/>
        <source>&amp;About Skylift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="57"/>
        <source>&amp;Stale Uploads…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BucketBrowser</name>
    <message>
        <location filename="../../ui/bucket_browser.py" line="88"/>
        <source>Bucket Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="99"/>
        <source>Up one level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="101"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="118"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="120"/>
        <source>Bucket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="130"/>
        <source>Upload Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="162"/>
        <location filename="../../ui/bucket_browser.py" line="189"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="187"/>
        <source>No buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="200"/>
        <source>%1 item(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="202"/>
        <source>(first %1 shown)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="19"/>
        <source>Unfinished transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="21"/>
        <source>%1 transfer(s) did not finish last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="26"/>
        <source>Resume them now? They stay paused otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="28"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="29"/>
        <source>Keep Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="38"/>
        <source>Quit Skylift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="40"/>
        <source>%1 transfer(s) are still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="45"/>
        <source>They will be paused safely and can be resumed at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50"/>
        <source>Pause and Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="61"/>
        <source>Cancel transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62"/>
        <source>Cancel %1 transfer(s)? Uploaded parts are deleted from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="74"/>
        <source>Object exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="76"/>
        <source>%1 already exists in the bucket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79"/>
        <source>Local file: %1. Object: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="84"/>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="87"/>
        <source>Keep Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="89"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90"/>
        <source>Apply to all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="102"/>
        <source>About Skylift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="103"/>
        <source>Skylift %1
Resumable uploads to object storage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropPanel</name>
    <message>
        <location filename="../../ui/drop_panel.py" line="39"/>
        <source>Upload to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="55"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="61"/>
        <source>folder/in/bucket/ (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="68"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="69"/>
        <source>Bucket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="70"/>
        <source>Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="71"/>
        <source>If the object exists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="72"/>
        <source>Storage class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="74"/>
        <source>Folders (their tree is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="77"/>
        <source>e.g. *.jpg *.png (empty: everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="79"/>
        <source>e.g. .git *.tmp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="80"/>
        <source>Create empty folders too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="82"/>
        <source>Include:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="83"/>
        <source>Exclude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="88"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="120"/>
        <source>%1 file(s) and %2 folder(s): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/drop_panel.py" line="130"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListingModel</name>
    <message>
        <location filename="../../ui/bucket_browser.py" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="57"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/bucket_browser.py" line="57"/>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Filter by name or destination</source>
        <extracomment>Tests and scripted drops set this False to take the remembered destination as-is. Scripted runs (tests, screenshots) quit without the &quot;transfers are running&quot; question.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>&amp;Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>T&amp;ools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Cannot queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Queued %1 file(s), skipped %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>Queueing… %1 file(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>Add Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>Add Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="12"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="13"/>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="14"/>
        <source>Pausing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="15"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="16"/>
        <source>Completing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="17"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="18"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="19"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="20"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>The file changed since it was queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <source>The file no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31"/>
        <source>The file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>The server cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>The credentials were rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>The bucket does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>Access denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36"/>
        <source>The server reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37"/>
        <source>The uploaded data did not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>The file is too large for this storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>A stream cannot be resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>The server did not abort the upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>The storage rejected the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>Internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53"/>
        <source>The built-in storage stopped unexpectedly and was restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>The built-in storage stopped unexpectedly and could not be restarted; see the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85"/>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Skip if same size and date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>Keep both (rename)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="88"/>
        <source>Ask for each</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="42"/>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="46"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="47"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="61"/>
        <source>Path-style addressing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="72"/>
        <source>⚠ No secure keyring: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="74"/>
        <source>cannot be stored: no secure keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="76"/>
        <source>Secrets are stored in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="77"/>
        <source>kept in the OS keyring; leave empty to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="78"/>
        <source>Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="86"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="87"/>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="88"/>
        <source>Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="89"/>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="91"/>
        <source>Access key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="92"/>
        <source>Secret key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="93"/>
        <source>Default bucket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="151"/>
        <source>Built-in storage on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="158"/>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="182"/>
        <location filename="../../ui/profile_dialog.py" line="189"/>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="182"/>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="193"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="212"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="215"/>
        <source>Connected: %1 bucket(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="226"/>
        <location filename="../../ui/profile_dialog.py" line="265"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="262"/>
        <source>Cannot save profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="64"/>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69"/>
        <source>Files in parallel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>Parts per file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="71"/>
        <source>Part size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72"/>
        <source>Multipart from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>Retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74"/>
        <source>First retry after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>Bandwidth limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>If the object exists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="77"/>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82"/>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Resume automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85"/>
        <source>Notify when a batch finishes or a transfer fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="87"/>
        <source>Keep the computer awake while uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>Unfinished transfers at start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98"/>
        <source>A new language takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101"/>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106"/>
        <source>System settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113"/>
        <source>System certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120"/>
        <source>Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="121"/>
        <source>Proxy address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="122"/>
        <source>CA bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="123"/>
        <source>Proxy and CA changes apply to connections opened after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="146"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="146"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleWindow</name>
    <message>
        <location filename="../../ui/stale_model.py" line="98"/>
        <source>%1 min</source>
        <extracomment>The raw value a column sorts by (age as seconds, bytes as an integer), not its display text. The :class:`StaleUpload` of a row. The widest text each fixed-width column usually holds; the view sizes columns from these. PySide6 6.12&apos;s ``SignalInstance.emit`` returns ``True`` without a reference of its own, so every emit from Python takes one from ``True``; after a few hundred the interpreter aborts with &quot;bool_dealloc&quot;. Measured once here, compensated in :func:`emit`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="100"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="101"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="125"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="126"/>
        <source>Upload ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="127"/>
        <source>Initiated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="128"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="129"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="130"/>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="131"/>
        <location filename="../../ui/stale_model.py" line="284"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="132"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="151"/>
        <source>Parts unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="174"/>
        <source>Orphan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="176"/>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="283"/>
        <source>Part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="285"/>
        <source>ETag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="286"/>
        <source>Last modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="304"/>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="324"/>
        <source>%1 uploads (%2 owned, %3 orphans) · %4 parts · %5 · est. %6 per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="339"/>
        <source>Bucket rule: not available here (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="342"/>
        <source>Bucket rule: none; stale uploads stay until someone aborts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="346"/>
        <source>Bucket rule: incomplete uploads are aborted after %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="357"/>
        <source>Adopted as transfer #%1: %2 parts (%3) verified; uploading the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="366"/>
        <source>Not adopted: part %1 differs from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="369"/>
        <source>Not adopted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="375"/>
        <source>Abort %1 uploads and free %2 (%3 bytes)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="384"/>
        <source>%1 uploads belong to unfinished transfers and will be kept; cancel those first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="394"/>
        <source>For %1 of them an object with the same key was written after the upload began. The id may belong to an upload that completed, and aborting such ids has destroyed object data on some servers. Abort these too?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="409"/>
        <source>Aborted %1 uploads, freed %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_model.py" line="421"/>
        <source>%1: parts %2 reappeared after the abort; abort it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="82"/>
        <source>Stale uploads</source>
        <extracomment>The GIL switch interval while a listing runs. The ListParts workers parse XML in Python, and every cell the table paints calls into Python and must win the GIL back first: with busy workers the default 5 ms left the window frozen for hundreds of milliseconds at a time, and 1 ms cut those stalls several times over.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="107"/>
        <source>prefix (optional)</source>
        <extracomment>Replaceable in tests: ask the user a yes/no question.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="110"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="111"/>
        <source>any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="112"/>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="113"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="117"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="118"/>
        <source>Bucket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="119"/>
        <source>Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="120"/>
        <source>Older than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="164"/>
        <source>Select an upload to see its parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="175"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="176"/>
        <source>&amp;Adopt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="177"/>
        <source>A&amp;bort Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="178"/>
        <source>Abort &amp;Older Than…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="179"/>
        <source>Set Bucket &amp;Rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="191"/>
        <source> per GB-month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="195"/>
        <source>Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="230"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="274"/>
        <source>Choose a profile and a bucket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="313"/>
        <source>Listing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="332"/>
        <source>Listed %1 uploads, sized %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="349"/>
        <source>Listing cancelled after %1 uploads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="352"/>
        <source>%1 unfinished uploads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="373"/>
        <source>Select one upload to see its parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="377"/>
        <source>Parts of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="404"/>
        <source>Transfer #%1 is back in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="412"/>
        <source>Checking %1 against the uploaded parts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="422"/>
        <source>Adopt upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="428"/>
        <source>Abort uploads older than (days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="433"/>
        <source>No listed upload is older than %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="441"/>
        <source>Checking %1 uploads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="447"/>
        <source>Nothing to abort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="449"/>
        <location filename="../../ui/stale_window.py" line="451"/>
        <location filename="../../ui/stale_window.py" line="469"/>
        <source>Abort uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="452"/>
        <source>Nothing aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="454"/>
        <source>Possibly completed uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="473"/>
        <source>Abort incomplete uploads after (days, 0 removes the rule):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/stale_window.py" line="488"/>
        <source>The local file this upload was sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="31"/>
        <source>Bandwidth limit for all transfers</source>
        <extracomment>Quick choices for the bandwidth limit; 0 means unlimited.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="37"/>
        <source>Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="54"/>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="68"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="69"/>
        <source>Every endpoint in use answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="71"/>
        <source>Offline — paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="73"/>
        <source>Unreachable: %1. The queue resumes by itself when it answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="83"/>
        <source>%1 of %2 files · %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="93"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferModel</name>
    <message>
        <location filename="../../ui/transfer_model.py" line="85"/>
        <source>Name</source>
        <extracomment>data(role=SortRole) gives plain numbers/strings; ProgressRole gives a 0..1 float. Changed rows this close together share one dataChanged; beyond this many ranges, one in all.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="86"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="87"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="88"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="89"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="90"/>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="91"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transfer_model.py" line="92"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray.py" line="24"/>
        <source>Show Skylift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="61"/>
        <source>Skylift — %1 active, %2% (%3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="77"/>
        <source>%1 uploaded, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="83"/>
        <source>%1 file(s) uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="85"/>
        <source>Uploads finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="91"/>
        <source>Upload failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="128" />
        <source>双击一张表打开它。每次修改都会立即保存，无需手动保存。</source>
        <translation>Double-click a form to open it. Every change is saved at once; there is no Save button.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="33" />
        <source>报表已标记完成。如需修改，请先“重新打开”并填写原因。</source>
        <translation>The report is marked complete. To change it, first "Reopen" it and give a reason.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="53" />
        <source>修改“{0}”</source>
        <translation>Edit "{0}"</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="69" />
        <source>填写说明</source>
        <translation>Write explanation</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="78" />
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="86" />
        <source>删除一行</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="108" />
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="33" />
        <source>导出上报文件</source>
        <translation>Export submission files</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="36" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="41" />
        <source>Excel 工作簿 (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="41" />
        <source>PDF 文件 (.pdf)</source>
        <translation>PDF file (.pdf)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="42" />
        <source>JSON 数据文件 (.json)</source>
        <translation>JSON data file (.json)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="52" />
        <source>本版本暂只能导出 JSON；工作簿和 PDF 将在后续版本提供。</source>
        <translation>This version can export JSON only; the workbook and PDF come in a later version.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="55" />
        <source>导出完整的身份证号码（默认遮盖中间的数字）</source>
        <translation>Export full ID numbers (masked in the middle by default)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="62" />
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="63" />
        <source>文件格式</source>
        <translation>File formats</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="71" />
        <source>选择保存上报文件的文件夹</source>
        <translation>Choose the folder for the submission files</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../unionclerk/gui/fields.py" line="68" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/fields.py" line="69" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>FieldsPage</name>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="83" />
        <source>✓ 格式正确</source>
        <translation>✓ Format correct</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="109" />
        <source>请填写“{0}”</source>
        <translation>Please fill in "{0}"</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="171" />
        <source>{0} — 首次设置</source>
        <translation>{0} — first-time setup</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="175" />
        <source>本单位的封面信息</source>
        <translation>Your unit's cover details</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="176" />
        <source>与上报的封面一致。带 * 的必须填写；代码输入时即检查。</source>
        <translation>As on the submitted cover. Fields marked * are required; codes are checked as you type.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="177" />
        <source>填表人和报告期</source>
        <translation>Clerk and report period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="178" />
        <source>填表人的姓名和电话会印在上报文件上。</source>
        <translation>The clerk's name and phone are printed on the submission files.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="187" />
        <source>年度</source>
        <translation>Full year</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="187" />
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="187" />
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="194" />
        <source>报告期</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../unionclerk/gui/pages.py" line="45" />
        <source>计量单位：{0}</source>
        <translation>Units: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/pages.py" line="66" />
        <source>汇总情况</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>FormsModel</name>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="70" />
        <source>表</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="70" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="70" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="70" />
        <source>未说明的警告</source>
        <translation>Unexplained warnings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="71" />
        <source>进度 / 行数</source>
        <translation>Progress / rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="113" />
        <source>{0} 行</source>
        <translation>{0} rows</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="67" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="90" />
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="97" />
        <source>正在处理：{0}</source>
        <translation>Working on: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="78" />
        <source>正在打开数据……</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="100" />
        <source>新建报告期…</source>
        <translation>New period…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="125" />
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="210" />
        <location filename="../../unionclerk/gui/window.py" line="214" />
        <source>还没有报表</source>
        <translation>No report yet</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="214" />
        <source>新建报告期</source>
        <translation>New period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="219" />
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="232" />
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="256" />
        <source>填报中</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="256" />
        <source>已完成</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="256" />
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="263" />
        <source>第 {0} 行 {1}</source>
        <translation>Row {0} {1}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="35" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="36" />
        <source>新建报告期(&amp;N)…</source>
        <translation>&amp;New period…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="37" />
        <source>导入报表文件(&amp;I)…</source>
        <translation>&amp;Import report files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="38" />
        <source>导出上报文件(&amp;E)…</source>
        <translation>&amp;Export submission files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="40" />
        <source>备份数据(&amp;B)…</source>
        <translation>&amp;Back up data…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="42" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="44" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="45" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="47" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="55" />
        <source>添加一行(&amp;A)</source>
        <translation>&amp;Add row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="56" />
        <source>删除所选行(&amp;D)</source>
        <translation>&amp;Delete selected row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="58" />
        <source>报表(&amp;R)</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="59" />
        <source>概览(&amp;O)</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="61" />
        <source>问题列表(&amp;P)</source>
        <translation>&amp;Problems list</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="64" />
        <source>下一个问题(&amp;T)</source>
        <translation>Nex&amp;t problem</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="66" />
        <source>标记完成(&amp;C)</source>
        <translation>Mark &amp;complete</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="67" />
        <source>重新打开(&amp;R)…</source>
        <translation>&amp;Reopen…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="69" />
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="73" />
        <source>乡镇(街道)填报</source>
        <translation>Township (sub-district): fill in</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="73" />
        <source>县级汇总</source>
        <translation>County: collect and summarise</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="78" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="79" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="80" />
        <source>{0} {1}
乡镇(街道)工会工作情况报表：填报、检查、导出。
数据文件夹：{2}</source>
        <translation>{0} {1}
Township trade-union work report: fill in, check, export.
Data folder: {2}</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="87" />
        <source>新建报告期</source>
        <translation>New period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="94" />
        <source>年度</source>
        <translation>Full year</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="94" />
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="94" />
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="97" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="98" />
        <source>期别</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="99" />
        <source>将从 {0} 结转封面、干部名单和阵地名单；服务项目从空白开始。</source>
        <translation>The cover, the cadres and the venues are carried over from {0}; services start empty.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="101" />
        <source>这是本单位的第一个报告期，所有表从空白开始。</source>
        <translation>This is the unit's first period: every form starts empty.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="136" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="136" />
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="136" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="136" />
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="186" />
        <source>{0}（{1} 个错误，{2} 个警告）</source>
        <translation>{0} ({1} errors, {2} warnings)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="190" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="190" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="191" />
        <source>（未说明）</source>
        <translation>(not explained)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="198" />
        <source>{0}
规则：{1}
双击转到该处</source>
        <translation>{0}
Rule: {1}
Double-click to go there</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="36" />
        <source>问题列表</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="55" />
        <source>双击一行（或按回车）转到该处；双击警告的“说明”栏可直接填写说明</source>
        <translation>Double-click a line (or press Enter) to go there; double-click a warning's "Explanation" cell to write it here</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="75" />
        <source>共 {0} 个错误，{1} 个警告</source>
        <translation>{0} errors, {1} warnings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="76" />
        <source>没有发现问题</source>
        <translation>No problems found</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="120" />
        <source>选“其他”时请在此注明</source>
        <translation>When you choose "Other", say what here</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="141" />
        <source>请写明原因（说明），例如：数据来自镇统计站，口径不同</source>
        <translation>Write the reason (explanation), e.g. the figure comes from the township statistics office and is counted differently</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="147" />
        <source>说明：</source>
        <translation>Explanation:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="181" />
        <source>上期 {0}</source>
        <translation>Last {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="182" />
        <source>上一报告期填报的数</source>
        <translation>The figure reported for the previous period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="206" />
        <location filename="../../unionclerk/gui/recordform.py" line="232" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="206" />
        <location filename="../../unionclerk/gui/recordform.py" line="232" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="207" />
        <location filename="../../unionclerk/gui/recordform.py" line="233" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="212" />
        <source>规则：{0}</source>
        <translation>Rule: {0}</translation>
    </message>
</context>
<context>
    <name>RosterTable</name>
    <message>
        <location filename="../../unionclerk/gui/roster.py" line="230" />
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster.py" line="233" />
        <source>删除所选行</source>
        <translation>Delete selected row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster.py" line="249" />
        <source>第 {0} 行“{1}”未保存：{2}</source>
        <translation>Row {0} "{1}" not saved: {2}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="132" />
        <source>欢迎使用工会报表助手</source>
        <translation>Welcome to Union Clerk</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="133" />
        <source>几步设置之后就可以开始填报。以后可在“设置”菜单中修改。</source>
        <translation>A few steps and you can start. You can change these later in the Settings menu.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="134" />
        <source>乡镇(街道)工会：填报本单位的报表</source>
        <translation>A township (sub-district) union: fill in our own report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="135" />
        <source>县级工会：汇总各乡镇报表（也可填报本单位）</source>
        <translation>A county union: collect the townships' reports (and fill in our own)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="140" />
        <source>开始填写本单位的报表</source>
        <translation>Start our unit's report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="141" />
        <source>先载入演示报表看看（佛堂镇总工会 2018年度）</source>
        <translation>Load the demo report first to look around (Fotang town union, 2018)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="147" />
        <source>&lt;b&gt;本单位是：&lt;/b&gt;</source>
        <translation>&lt;b&gt;Our unit is:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="151" />
        <source>&lt;b&gt;现在要：&lt;/b&gt;</source>
        <translation>&lt;b&gt;Now:&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../unionclerk/gui/main.py" line="70" />
        <source>这个数据文件夹已经被另一个正在运行的工会报表助手打开（进程号 {0}）。
请切换到那个窗口继续工作；本程序将退出。

数据文件夹：{1}</source>
        <translation>This data folder is already open in another running copy of Union Clerk (process {0}).
Please switch to that window; this copy will now close.

Data folder: {1}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/main.py" line="117" />
        <source>程序出错了，已填写的数据都已保存。
错误详情已写入：{0}

{1}</source>
        <translation>Something went wrong; everything you entered is saved.
The details were written to: {0}

{1}</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="49" />
        <source>后台任务意外出错，详情已写入日志文件。</source>
        <translation>The background task failed unexpectedly; the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="46" />
        <source>共 {0} 张表：{1} 张已填完且无问题，{2} 张未填，{3} 张还有问题。</source>
        <translation>{0} forms: {1} filled in with no problems, {2} not started, {3} with problems.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="50" />
        <source>还有 {0} 个错误需要修改 →</source>
        <translation>{0} errors still to fix →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="52" />
        <source>还有 {0} 个警告需要填写说明 →</source>
        <translation>{0} warnings still need an explanation →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="54" />
        <source>检查全部通过：标记完成 →</source>
        <translation>All checks passed: mark complete →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="56" />
        <source>已标记完成：导出上报文件 →</source>
        <translation>Marked complete: export the submission files →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="58" />
        <source>已导出。可以再次导出，或重新打开修改 →</source>
        <translation>Exported. Export again, or reopen to change →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="96" />
        <source>报表已标记完成。现在导出上报文件吗？</source>
        <translation>The report is marked complete. Export the submission files now?</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="103" />
        <source>重新打开需要填写原因（会记入修改记录），例如：县总工会要求补报：</source>
        <translation>Reopening needs a reason (kept in the change log), e.g. the county union asked for more figures:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="169" />
        <source>报表还没有标记完成（还有 {0} 个问题未处理）。仍要导出吗？</source>
        <translation>The report is not marked complete yet ({0} problems left). Export anyway?</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="177" />
        <source>请选择一个已存在的文件夹和至少一种格式。</source>
        <translation>Please choose an existing folder and at least one format.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="190" />
        <source>请注意：</source>
        <translation>Please note:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="191" />
        <source>已导出 {0} 个文件到
{1}

{2}

打开这个文件夹吗？</source>
        <translation>Exported {0} files to
{1}

{2}

Open this folder?</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="196" />
        <source>已取消导出，没有写入任何文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="198" />
        <source>正在导出上报文件……</source>
        <translation>Exporting the submission files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="203" />
        <source>选择要导入的报表文件</source>
        <translation>Choose report files to import</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="205" />
        <source>报表文件 (*.json *.xlsx)</source>
        <translation>Report files (*.json *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="228" />
        <source>导入结果：
{0}</source>
        <translation>Import results:
{0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="230" />
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="237" />
        <source>备份数据到</source>
        <translation>Back up data to</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="238" />
        <source>数据库备份 (*.sqlite3)</source>
        <translation>Database backup (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="251" />
        <source>正在备份……</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="252" />
        <source>已备份到：
{0}</source>
        <translation>Backed up to:
{0}</translation>
    </message>
</context>
</TS>
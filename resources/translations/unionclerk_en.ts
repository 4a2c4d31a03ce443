<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChoiceBox</name>
    <message>
        <location filename="../../unionclerk/gui/roster/delegates.py" line="175"/>
        <source>选择，或输入“其他”的具体内容</source>
        <translation>Choose, or type what &quot;other&quot; means</translation>
    </message>
</context>
<context>
    <name>ColumnFilters</name>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="38"/>
        <source>升序排列</source>
        <translation>Sort ascending</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="40"/>
        <source>降序排列</source>
        <translation>Sort descending</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="42"/>
        <source>恢复原顺序</source>
        <translation>Original order</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="48"/>
        <source>筛选“{0}”包含…</source>
        <translation>Show rows whose &quot;{0}&quot; contains…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="60"/>
        <location filename="../../unionclerk/gui/roster/filters.py" line="99"/>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="67"/>
        <source>清除此列筛选</source>
        <translation>Clear this column&apos;s filter</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="97"/>
        <source>“{0}”含“{1}”</source>
        <translation>&quot;{0}&quot; contains &quot;{1}&quot;</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="100"/>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/filters.py" line="101"/>
        <source>“{0}”为 {1}{2}</source>
        <translation>&quot;{0}&quot; is {1}{2}</translation>
    </message>
</context>
<context>
    <name>ColumnHelp</name>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="165"/>
        <source>？{0}：{1}</source>
        <translation>? {0}: {1}</translation>
    </message>
</context>
<context>
    <name>CommentsDialog</name>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="39"/>
        <source>上级意见</source>
        <translation>County comments</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="41"/>
        <source>双击“回复”一栏（或按 F2）填写或修改回复；回复会随下次导出交给县级。</source>
        <translation>Double-click the Reply column (or press F2) to write or change a reply; replies go to the county with the next export.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="47"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="47"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="47"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="47"/>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="73"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="74"/>
        <source>已回复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="75"/>
        <source>已修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/review_township.py" line="84"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>CountyPage</name>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="19"/>
        <source>行政区划代码只能是数字</source>
        <translation>A division code has digits only</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="21"/>
        <source>行政区划代码应为 12 位，现在是 {0} 位</source>
        <translation>A division code has 12 digits; this one has {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="25"/>
        <source>县级的代码以 000000 结尾（如义乌市 330782000000）；这像是乡镇的代码</source>
        <translation>A county&apos;s code ends in 000000 (Yiwu: 330782000000); this looks like a township&apos;s code</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="36"/>
        <source>本县(市、区)总工会</source>
        <translation>The county&apos;s federation of trade unions</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="38"/>
        <source>汇总文件上写的汇总单位。以后可在“县级汇总”窗口或“设置”菜单中修改。</source>
        <translation>The unit named on the summary files. It can be changed later in the County summary window or the Settings menu.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="42"/>
        <source>如：义乌市总工会</source>
        <translation>e.g. 义乌市总工会</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="46"/>
        <source>12 位，如 330782000000</source>
        <translation>12 digits, e.g. 330782000000</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="52"/>
        <source>县级工会名称 *</source>
        <translation>County union *</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard_county.py" line="53"/>
        <source>行政区划代码 *</source>
        <translation>Division code *</translation>
    </message>
</context>
<context>
    <name>CountyWindow</name>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="81"/>
        <source>县级汇总</source>
        <translation>County summary</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="95"/>
        <source>如：义乌市总工会（不填则按各乡镇的报表推定）</source>
        <translation>e.g. 义乌市总工会 (empty: worked out from the townships&apos; reports)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="97"/>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="113"/>
        <source>也使用导出后被改动的文件</source>
        <translation>Also use files edited after export</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="134"/>
        <source>把乡镇报送的文件或文件夹拖到这里，或点“添加文件…”</source>
        <translation>Drop the townships&apos; files or folders here, or click “Add files…”</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="246"/>
        <source>选择乡镇报送的文件</source>
        <translation>Choose the townships&apos; files</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="248"/>
        <source>报表文件 (*.xlsx *.json *.zip);;所有文件 (*)</source>
        <translation>Report files (*.xlsx *.json *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="255"/>
        <source>选择存放报送文件的文件夹</source>
        <translation>Choose the folder with the files received</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="269"/>
        <source>正在读取文件……</source>
        <translation>Reading files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="289"/>
        <source>选择应报单位名单（行政区划代码、名称）</source>
        <translation>Choose the list of expected units (division code, name)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="291"/>
        <source>名单 (*.xlsx *.csv)</source>
        <translation>Lists (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="364"/>
        <source>选择保存汇总文件的文件夹</source>
        <translation>Choose the folder for the summary files</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="375"/>
        <source>正在生成汇总……</source>
        <translation>Making the summary…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="382"/>
        <source>其中 {0} 份报表已接收供审核：在“汇总 → 审核下级报表”中可以查看、批注、退回修改。</source>
        <translation>{0} of these reports are now received for review: see, comment on and return them in “Summary → Review townships&apos; reports”.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="104"/>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="106"/>
        <source>汇总单位</source>
        <translation>Summary by</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="110"/>
        <source>应报单位名单…</source>
        <translation>Expected units…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="117"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="118"/>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="119"/>
        <source>选择计入的文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="120"/>
        <source>查看该单位报表</source>
        <translation>View unit&apos;s report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="121"/>
        <source>重新开始</source>
        <translation>Start again</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="126"/>
        <source>导出汇总…</source>
        <translation>Export summary…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="310"/>
        <source>未设应报单位名单</source>
        <translation>No list of expected units</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="340"/>
        <source>这个单位的报表还没有保存在程序中：导出汇总后即可查看。</source>
        <translation>This unit&apos;s report is not kept in the program yet: export the summary first.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="350"/>
        <source>还没有可以汇总的报表：请先添加乡镇报送的文件。</source>
        <translation>No report to merge yet: add the townships&apos; files first.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="379"/>
        <source>汇总已生成：
{0}</source>
        <translation>Summary written:
{0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="221"/>
        <source>纳入汇总 {0} 个单位</source>
        <translation>{0} units in the summary</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="239"/>
        <source>问题清单 {0} 条</source>
        <translation>{0} problems</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="308"/>
        <source>应报 {0} 个单位</source>
        <translation>{0} units expected</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="228"/>
        <source>应报 {0}：已报 {1}，未报 {2}，有问题 {3}</source>
        <translation>{0} expected: {1} reported, {2} missing, {3} with problems</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/screen.py" line="356"/>
        <source>有 {0} 个单位报来的是草稿（未标记完成）：{1}。

含有草稿的汇总也是草稿：每页和文件名都会标明“草稿”。仍要生成吗？</source>
        <translation>{0} units sent drafts (not marked complete): {1}.

A summary that includes drafts is a draft too: every page and the file names will say so. Make it anyway?</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="160"/>
        <source>双击一张表打开它。每次修改都会立即保存，无需手动保存。</source>
        <translation>Double-click a form to open it. Every change is saved at once; there is no Save button.</translation>
    </message>
</context>
<context>
    <name>DateLine</name>
    <message>
        <location filename="../../unionclerk/gui/roster/delegates.py" line="111"/>
        <source>选择日期</source>
        <translation>Pick a date</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="32"/>
        <source>选择计入汇总的文件</source>
        <translation>Choose the file to count</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="44"/>
        <source>按默认规则（最新导出、未被改动的文件）</source>
        <translation>Default rule (the newest export not edited after export)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="59"/>
        <source>不计入这个单位</source>
        <translation>Leave this unit out</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="47"/>
        <source>【当前计入】</source>
        <translation>[counted now] </translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="49"/>
        <source>导出后被改动</source>
        <translation>edited after export</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="50"/>
        <source>完好</source>
        <translation>intact</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="51"/>
        <source>JSON 文件</source>
        <translation>JSON file</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="36"/>
        <source>{0}（{1}）收到 {2} 份文件。请选择计入汇总的一份：</source>
        <translation>{0} ({1}) sent {2} files. Choose the one to count in the summary:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/decide.py" line="53"/>
        <source>导出时间 {0}&#x3000;导出编号 {1}&#x3000;{2}</source>
        <translation>exported {0}  export id {1}  {2}</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="189"/>
        <source>演示报表</source>
        <translation>Demo report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="190"/>
        <source>点“完成”载入演示报表：佛堂镇总工会 2018年度。</source>
        <translation>Click Finish to load the demo report: 佛堂镇总工会, 2018.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="193"/>
        <source>演示报表已填好全部六张表，可以随意查看、修改、检查和导出，试一试各项功能。

要填写本单位的报表时，在“设置 → 单位信息”中改成本单位的封面，或用“文件 → 新建报告期”开始新的报告期。</source>
        <translation>The demo report has all six forms filled in: look around, change, check and export it to try everything.

To fill in your own unit&apos;s report, change the cover in Settings → Unit details, or start a new period with File → New period.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="34"/>
        <source>报表已标记完成。如需修改，请先“重新打开”并填写原因。</source>
        <translation>The report is marked complete. To change it, first &quot;Reopen&quot; it and give a reason.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="54"/>
        <source>修改“{0}”</source>
        <translation>Edit &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="66"/>
        <source>说明无法保存：{0}</source>
        <translation>The explanation could not be saved: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="76"/>
        <source>填写说明</source>
        <translation>Write explanation</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="85"/>
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="103"/>
        <source>移动一行</source>
        <translation>Move a row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="111"/>
        <source>标记“本期无此项”</source>
        <translation>Mark &quot;nothing to report&quot;</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="111"/>
        <source>取消“本期无此项”</source>
        <translation>Unmark &quot;nothing to report&quot;</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/editor.py" line="135"/>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="32"/>
        <source>导出上报文件</source>
        <translation>Export submission files</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="32"/>
        <source>导出草稿</source>
        <translation>Export a draft</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="35"/>
        <source>这是草稿：报表还没有标记完成。文件名带“草稿”，PDF 每页印有“草稿”，只供核对，不能作为正式上报文件。</source>
        <translation>This is a draft: the report is not marked complete. The file names end in 草稿 (draft) and every PDF page says so; it is for checking only, not for submission.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="47"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="53"/>
        <source>Excel 工作簿 (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="54"/>
        <source>PDF 文件 (.pdf)</source>
        <translation>PDF file (.pdf)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="55"/>
        <source>JSON 数据文件 (.json)</source>
        <translation>JSON data file (.json)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="66"/>
        <source>本版本暂只能导出 JSON；工作簿和 PDF 将在后续版本提供。</source>
        <translation>This version can export JSON only; the workbook and PDF come in a later version.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="69"/>
        <source>导出完整的身份证号码（默认遮盖中间的数字）</source>
        <translation>Export full ID numbers (masked in the middle by default)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="77"/>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="78"/>
        <source>文件格式</source>
        <translation>File formats</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="88"/>
        <source>选择保存上报文件的文件夹</source>
        <translation>Choose the folder for the submission files</translation>
    </message>
</context>
<context>
    <name>ExportResult</name>
    <message>
        <location filename="../../unionclerk/gui/exportresult.py" line="36"/>
        <source>已导出 {0} 个文件到
{1}

{2}</source>
        <translation>{0} file(s) exported to
{1}

{2}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportresult.py" line="40"/>
        <source>请注意：</source>
        <translation>Please note:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportresult.py" line="47"/>
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportresult.py" line="49"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportresult.py" line="51"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportresult.py" line="34"/>
        <source>已导出草稿 {0} 个文件到
{1}

{2}</source>
        <translation>{0} draft file(s) exported to
{1}

{2}</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../unionclerk/gui/fields.py" line="79"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/fields.py" line="80"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>FieldsPage</name>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="96"/>
        <source>✓ 格式正确</source>
        <translation>✓ Format correct</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="122"/>
        <source>请填写“{0}”</source>
        <translation>Please fill in &quot;{0}&quot;</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="27"/>
        <source>名单统计（自动计算）</source>
        <translation>Roster figures (computed)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="54"/>
        <source>{0} 人</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="60"/>
        <source>总人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="61"/>
        <source>其中：女性</source>
        <translation>of whom women</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="62"/>
        <source>其中：中共党员（含预备）</source>
        <translation>of whom Party members (incl. probationary)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="63"/>
        <source>其中：一线职工</source>
        <translation>of whom frontline workers</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="64"/>
        <source>一线职工占比</source>
        <translation>Frontline share</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="66"/>
        <source>平均年龄（报告期末）</source>
        <translation>Average age (period end)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="67"/>
        <source>{0} 岁</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="75"/>
        <source>按职务</source>
        <translation>By position</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/figures.py" line="76"/>
        <source>按任职方式</source>
        <translation>By appointment</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="82"/>
        <source>校验码</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="79"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="80"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="81"/>
        <source>情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="83"/>
        <source>说明</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="92"/>
        <source>已读取</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="96"/>
        <source>不能使用</source>
        <translation>Cannot be used</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="107"/>
        <source>已使用</source>
        <translation>Used</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="108"/>
        <source>未使用</source>
        <translation>Not used</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="109"/>
        <source>部分使用</source>
        <translation>Partly used</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="110"/>
        <source>已展开</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="90"/>
        <source> 等 {0} 个</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="94"/>
        <location filename="../../unionclerk/gui/county/models.py" line="111"/>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="214"/>
        <source>{0} — 首次设置</source>
        <translation>{0} — first-time setup</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="221"/>
        <source>本单位的封面信息</source>
        <translation>Your unit&apos;s cover details</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="222"/>
        <source>与上报的封面一致。带 * 的必须填写；代码输入时即检查。</source>
        <translation>As on the submitted cover. Fields marked * are required; codes are checked as you type.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="227"/>
        <source>填表人和报告期</source>
        <translation>Clerk and report period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="228"/>
        <source>填表人的姓名和电话会印在上报文件上。</source>
        <translation>The clerk&apos;s name and phone are printed on the submission files.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="234"/>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="283"/>
        <source>还没有完成首次设置。现在退出程序吗？
下次打开时会再次显示这个设置向导，已填的内容不会保存。</source>
        <translation>The first-run set-up is not finished. Quit the program now?
This set-up will show again next time; what was typed here is not kept.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../unionclerk/gui/pages.py" line="55"/>
        <source>计量单位：{0}</source>
        <translation>Units: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/pages.py" line="62"/>
        <source>本期无此项</source>
        <translation>Nothing to report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/pages.py" line="66"/>
        <source>本报告期这张表确实没有需要填报的内容时勾选：报表和 PDF 上会写明，审核时就知道不是漏填。表里填了内容就不能勾选。</source>
        <translation>Tick when this form truly has nothing to report this period: the workbook and the PDF say so, and a reviewer can tell it was not forgotten. A form with something in it cannot be ticked.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/pages.py" line="96"/>
        <source>汇总情况</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>FormsModel</name>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="80"/>
        <source>表</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="81"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="82"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="83"/>
        <source>未说明的警告</source>
        <translation>Unexplained warnings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="84"/>
        <source>进度 / 行数</source>
        <translation>Progress / rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="128"/>
        <source>{0} 行</source>
        <translation>{0} rows</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="136"/>
        <source>填写说明</source>
        <translation>How to fill in</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="37"/>
        <source>使用说明 — {0}</source>
        <translation>User guide — {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="54"/>
        <source>一、填写</source>
        <translation>1. Fill in</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="56"/>
        <source>在左边选一张表，逐项填写。每填完一格按回车或 Tab 即自动保存，不需要“保存”按钮。名单表（干部、阵地、服务项目）像 Excel 一样填写，也可以从 Excel 复制粘贴或导入。字段旁的“?”按钮说明这一项该怎么填。</source>
        <translation>Choose a form on the left and fill it in field by field. Enter or Tab saves each field at once: there is no Save button. Rosters (cadres, venues, services) work like Excel; you can also paste from Excel or import a workbook. The &quot;?&quot; button beside a field explains what it asks for.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="62"/>
        <source>二、检查</source>
        <translation>2. Check</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="64"/>
        <source>每填一格，程序立即检查。问题显示在该项下面，红色是错误（必须改正），橙色是警告（请核对）。窗口下方的“问题列表”（F8）列出全部问题，双击即可跳到那一项。</source>
        <translation>Every field is checked as you type. A problem shows under its field: red is an error (must be fixed), orange a warning (please check). The problems list at the bottom (F8) lists them all; double-click one to go there.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="69"/>
        <source>三、说明警告</source>
        <translation>3. Explain warnings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="71"/>
        <source>警告不一定是错：数字确实如此时，在警告下面的“说明”框里写明原因（例如“本年度新建站点尚未验收”），县里审核时能看到这段说明。</source>
        <translation>A warning is not always a mistake: when the figure is right, write the reason in the explanation box under the warning (e.g. &quot;the new venue is not yet accepted&quot;); the county reviewer sees it.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="76"/>
        <source>四、标记完成</source>
        <translation>4. Mark complete</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="78"/>
        <source>所有错误改正、警告都有说明后，点“报表 → 标记完成”。某张表本期确实没有内容的，按提示标为“本期无此项”，以免被当成漏填。</source>
        <translation>When every error is fixed and every warning explained, choose Report → Mark complete. A form with nothing to report this period is marked &quot;nothing to report&quot; when asked, so that it is not taken for forgotten.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="83"/>
        <source>五、导出</source>
        <translation>5. Export</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="85"/>
        <source>点“文件 → 导出上报文件”（Ctrl+E），选择文件夹，生成 Excel 工作簿和 PDF。导出后可以直接打开 PDF 查看，或打开所在文件夹。</source>
        <translation>Choose File → Export submission files (Ctrl+E) and a folder: the Excel workbook and the PDF are written there. Afterwards you can open the PDF straight away, or the folder.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="90"/>
        <source>六、报送</source>
        <translation>6. Submit</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="92"/>
        <source>把 PDF 打印出来，负责人签字、盖章；把 Excel 工作簿（和盖章的 PDF 扫描件）按县总工会的要求通过 U 盘、邮件或工作群报送。请不要手工改动导出的工作簿：县里的程序能发现改动，会退回。</source>
        <translation>Print the PDF for the head to sign and seal; send the Excel workbook (and a scan of the sealed PDF) as the county union asks: USB stick, e-mail or work chat. Do not edit the exported workbook by hand: the county&apos;s program detects changes and sends it back.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="98"/>
        <source>&lt;b&gt;什么是“草稿”：&lt;/b&gt;报表还没有标记完成时也可以导出，导出的文件名带“草稿”，每一页都印有“草稿”字样，只供核对，不能作为正式报送的文件。标记完成后再导出，就是正式文件。</source>
        <translation>&lt;b&gt;What &quot;draft&quot; means:&lt;/b&gt; a report can be exported before it is marked complete; such files have 草稿 (draft) in their names and on every page, for checking only, not for submission. Export again after marking the report complete to get the official files.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="102"/>
        <source>&lt;b&gt;数据在哪里：&lt;/b&gt;所有报表保存在数据文件夹 {0} 中的一个数据库文件里。程序每次启动、导入和汇总之前都会自动备份到 {1}，也可以用“文件 → 备份数据”手动备份；“文件 → 从备份恢复”可以找回以前的数据。换电脑时，把整个数据文件夹复制过去即可。</source>
        <translation>&lt;b&gt;Where the data is:&lt;/b&gt; every report is kept in one database file in the data folder {0}. The program backs it up automatically to {1} on every start and before each import and merge; File → Back up data makes a backup by hand, and File → Restore from backup brings earlier data back. To move to another PC, copy the whole data folder.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/helpdoc.py" line="106"/>
        <source>工会报表助手使用说明</source>
        <translation>unionclerk user guide</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="56"/>
        <source>从 Excel 导入{0}</source>
        <translation>Import {0} from Excel</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="66"/>
        <source>没有标题行</source>
        <translation>No header row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="91"/>
        <source>追加到现有 {0} 行之后</source>
        <translation>Append after the {0} existing rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="94"/>
        <source>替换现有名单（现有 {0} 行将被删除）</source>
        <translation>Replace the roster (its {0} rows are deleted)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="108"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="109"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="114"/>
        <source>文件：{0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="116"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="118"/>
        <source>标题行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="123"/>
        <source>各列对应到（可修改）</source>
        <translation>Columns go to (change as needed)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="130"/>
        <source>预览前 {0} 行（红色为错误，黄色为警告，鼠标停留可看原因）</source>
        <translation>The first {0} rows (red: error, yellow: warning; hover to see why)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="216"/>
        <source>工作表“{0}”：标题行以下 {1} 行，{2} 列对应到名单；前 {3} 行中有 {4} 行有问题。</source>
        <translation>Sheet &quot;{0}&quot;: {1} rows below the header, {2} columns matched to the roster; {4} of the first {3} rows have problems.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="226"/>
        <source>还没有任何一列对应到名单：请在左边“导入为”中选择</source>
        <translation>No column goes to the roster yet: choose under &quot;Import as&quot; on the left</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="74"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="97"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="104"/>
        <source>正在处理：{0}</source>
        <translation>Working on: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="85"/>
        <source>正在打开数据……</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="151"/>
        <source>新建报告期…</source>
        <translation>New period…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="180"/>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="274"/>
        <location filename="../../unionclerk/gui/window.py" line="287"/>
        <source>还没有报表</source>
        <translation>No report yet</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="282"/>
        <source>县级汇总</source>
        <translation>County summary</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="283"/>
        <source>把各乡镇报送的文件加入县级汇总，检查后导出汇总表。</source>
        <translation>Add the townships&apos; files to the county summary, check them, then export the summary.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="284"/>
        <source>打开县级汇总 →</source>
        <translation>Open the county summary →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="287"/>
        <source>新建报告期</source>
        <translation>New period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="292"/>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="306"/>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="364"/>
        <source>填报中</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="364"/>
        <source>已完成</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="364"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/window.py" line="371"/>
        <source>第 {0} 行 {1}</source>
        <translation>Row {0} {1}</translation>
    </message>
</context>
<context>
    <name>MappingDelegate</name>
    <message>
        <location filename="../../unionclerk/gui/roster/importmodels.py" line="128"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <location filename="../../unionclerk/gui/roster/importmodels.py" line="62"/>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importmodels.py" line="87"/>
        <source>列</source>
        <translation>Col.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importmodels.py" line="87"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importmodels.py" line="87"/>
        <source>示例</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importmodels.py" line="87"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="111"/>
        <source>上级意见(&amp;U)…</source>
        <translation>County &amp;comments…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="115"/>
        <source>审核下级报表(&amp;V)…</source>
        <translation>&amp;Review townships&apos; reports…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="41"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="45"/>
        <source>新建报告期(&amp;N)…</source>
        <translation>&amp;New period…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="52"/>
        <source>导入报表文件(&amp;I)…</source>
        <translation>&amp;Import report files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="56"/>
        <source>导出上报文件(&amp;E)…</source>
        <translation>&amp;Export submission files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="58"/>
        <source>备份数据(&amp;B)…</source>
        <translation>&amp;Back up data…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="59"/>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="61"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="63"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="64"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="66"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="74"/>
        <source>添加一行(&amp;A)</source>
        <translation>&amp;Add row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="78"/>
        <source>删除所选行(&amp;D)</source>
        <translation>&amp;Delete selected row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="83"/>
        <source>报表(&amp;R)</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="87"/>
        <source>概览(&amp;O)</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="92"/>
        <source>问题列表(&amp;P)</source>
        <translation>&amp;Problems list</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="98"/>
        <source>下一个问题(&amp;T)</source>
        <translation>Nex&amp;t problem</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="106"/>
        <source>标记完成(&amp;C)</source>
        <translation>Mark &amp;complete</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="110"/>
        <source>重新打开(&amp;R)…</source>
        <translation>&amp;Reopen…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="117"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="121"/>
        <source>乡镇(街道)填报</source>
        <translation>Township (sub-district): fill in</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="121"/>
        <source>县级汇总</source>
        <translation>County: collect and summarise</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="128"/>
        <source>单位信息(&amp;U)…</source>
        <translation>&amp;Unit details…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="130"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="141"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="144"/>
        <source>{0} {1}
乡镇(街道)工会工作情况报表：填报、检查、导出。
数据文件夹：{2}</source>
        <translation>{0} {1}
Township trade-union work report: fill in, check, export.
Data folder: {2}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="113"/>
        <source>汇总(&amp;M)</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="114"/>
        <source>县级汇总(&amp;S)…</source>
        <translation>County &amp;summary…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/menus.py" line="134"/>
        <source>使用说明(&amp;U)</source>
        <translation>&amp;User guide</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <location filename="../../unionclerk/gui/roster/delegates.py" line="145"/>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/delegates.py" line="148"/>
        <source>{0}月</source>
        <translation>{0}</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="103"/>
        <source>新建报告期</source>
        <translation>New period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="107"/>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="109"/>
        <source>将从 {0} 结转封面、干部名单和阵地名单；服务项目从空白开始。</source>
        <translation>The cover, the cadres and the venues are carried over from {0}; services start empty.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/exportdlg.py" line="113"/>
        <source>这是本单位的第一个报告期，所有表从空白开始。</source>
        <translation>This is the unit&apos;s first period: every form starts empty.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../unionclerk/gui/periodpicker.py" line="22"/>
        <source>年度</source>
        <translation>Full year</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/periodpicker.py" line="22"/>
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/periodpicker.py" line="22"/>
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../unionclerk/gui/roster/importmodels.py" line="205"/>
        <source>第 {0} 行</source>
        <translation>Row {0}</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="170"/>
        <source>上级意见</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="238"/>
        <source>（未回复）</source>
        <translation>(no reply)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="155"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="155"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="155"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="155"/>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="226"/>
        <source>{0}（{1} 个错误，{2} 个警告）</source>
        <translation>{0} ({1} errors, {2} warnings)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="170"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="170"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="238"/>
        <source>（未说明）</source>
        <translation>(not explained)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/models.py" line="247"/>
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
        <location filename="../../unionclerk/gui/panels.py" line="36"/>
        <source>问题列表</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="59"/>
        <source>双击一行（或按回车）转到该处；双击警告的“说明”栏可直接填写说明</source>
        <translation>Double-click a line (or press Enter) to go there; double-click a warning&apos;s &quot;Explanation&quot; cell to write it here</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="99"/>
        <source>共 {0} 个错误，{1} 个警告</source>
        <translation>{0} errors, {1} warnings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/panels.py" line="101"/>
        <source>没有发现问题</source>
        <translation>No problems found</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="245"/>
        <source>回复：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="247"/>
        <source>回复上级意见，例如：已核实，数字无误</source>
        <translation>Reply to the county, e.g. checked, the figure is right</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="126"/>
        <source>选“其他”时请在此注明</source>
        <translation>When you choose &quot;Other&quot;, say what here</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="148"/>
        <location filename="../../unionclerk/gui/recordform.py" line="249"/>
        <source>请写明原因（说明），例如：数据来自镇统计站，口径不同</source>
        <translation>Write the reason (explanation), e.g. the figure comes from the township statistics office and is counted differently</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="155"/>
        <location filename="../../unionclerk/gui/recordform.py" line="245"/>
        <source>说明：</source>
        <translation>Explanation:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="190"/>
        <source>上期 {0}</source>
        <translation>Last {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="191"/>
        <source>上一报告期填报的数</source>
        <translation>The figure reported for the previous period</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="219"/>
        <location filename="../../unionclerk/gui/recordform.py" line="264"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="219"/>
        <location filename="../../unionclerk/gui/recordform.py" line="264"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="220"/>
        <location filename="../../unionclerk/gui/recordform.py" line="265"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="229"/>
        <source>规则：{0}</source>
        <translation>Rule: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="267"/>
        <source>（没有保存：请改正，或按 Ctrl+Z 恢复原来的值）</source>
        <translation> (not saved: correct it, or press Ctrl+Z for the value before)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/recordform.py" line="286"/>
        <source>错误：{0}（没有保存：请改正，或按 Ctrl+Z 恢复原来的值）</source>
        <translation>Error: {0} (not saved: correct it, or press Ctrl+Z for the value before)</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="226"/>
        <source>这份纸质件对应的是 {0} 导出的报送（校验码 {1}），不是最近收到的一份（校验码 {2}）。</source>
        <translation>This paper copy is the submission exported at {0} (hash {1}), not the latest one received (hash {2}).</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="305"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="65"/>
        <source>审核下级报表 — {0}</source>
        <translation>Review townships&apos; reports — {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="72"/>
        <source>审核人姓名</source>
        <translation>Reviewer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="73"/>
        <source>接收上报文件…</source>
        <translation>Receive submission files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="76"/>
        <source>粘贴二维码文字或校验码</source>
        <translation>Paste the QR text or the hash</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="82"/>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="83"/>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="84"/>
        <source>报送情况</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="85"/>
        <source>校验码</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="86"/>
        <source>批注/已回复</source>
        <translation>Comments/answered</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="100"/>
        <source>审核人：</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="120"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="120"/>
        <source>批注</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="120"/>
        <source>乡镇回复</source>
        <translation>Township&apos;s reply</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="131"/>
        <source>批注光标所在处…</source>
        <translation>Comment where the cursor is…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="132"/>
        <source>批注整张表…</source>
        <translation>Comment the whole form…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="133"/>
        <source>审核通过</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="134"/>
        <source>退回修改…</source>
        <translation>Return for correction…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="194"/>
        <source>选择乡镇的上报文件</source>
        <translation>Choose the township&apos;s submission files</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="196"/>
        <source>上报文件 (*.xlsx *.json)</source>
        <translation>Submission files (*.xlsx *.json)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="215"/>
        <source>没有找到与“{0}”相符的上报文件：纸质件与收到的文件不一致，或还没有接收</source>
        <translation>No submission matches “{0}”: the paper copy is not the file received, or it was not received yet</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="248"/>
        <source>{0}（{1}）{2}&#x3000;报送情况：{3}&#x3000;校验码：{4}</source>
        <translation>{0} ({1}) {2}   reporting: {3}   hash: {4}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="263"/>
        <source>第一次报送，没有可比较的上次报送。</source>
        <translation>First submission: nothing earlier to compare with.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="270"/>
        <source>与上次报送（校验码 {0}）相比，本次（校验码 {1}）共 {2} 处改动：</source>
        <translation>Compared with the previous submission (hash {0}), this one (hash {1}) has {2} changes:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="318"/>
        <source>审核人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="347"/>
        <source>请先点一下要批注的字段或名单单元格，再按“批注光标所在处”。</source>
        <translation>First click the field or roster cell to comment on, then press “Comment where the cursor is”.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="360"/>
        <source>对 {0} 的批注：</source>
        <translation>Comment on {0}:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="382"/>
        <source>退回修改的原因：</source>
        <translation>Reason for returning it:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="385"/>
        <source>退回文件保存到</source>
        <translation>Save the return file in</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/review.py" line="399"/>
        <source>已写出退回文件和退回通知单：
{0}
请把 .json 文件交给乡镇导入，.pdf 可打印。</source>
        <translation>Return file and notice written:
{0}
Give the .json file to the township to import; the .pdf is for printing.</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="254"/>
        <source>报表已标记完成，不能导入。如需修改，请先“重新打开”。</source>
        <translation>The report is marked complete and cannot take an import. To change it, &quot;Reopen&quot; it first.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="258"/>
        <source>选择要导入的名单（Excel 工作簿）</source>
        <translation>Choose the roster to import (Excel workbook)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="260"/>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;文本表格 (*.csv *.txt);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm);;Text tables (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="270"/>
        <source>正在读取 {0}……</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="285"/>
        <source>没有可导入的行（空行、合计行和标题行已跳过）</source>
        <translation>No rows to import (blank, total and header rows are skipped)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="291"/>
        <source>导入名单（替换，{0} 行）</source>
        <translation>Import roster (replace, {0} rows)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="291"/>
        <source>导入名单（追加 {0} 行）</source>
        <translation>Import roster (append {0} rows)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="295"/>
        <source>已从“{0}”导入 {1} 行</source>
        <translation>Imported {1} rows from &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="297"/>
        <source>；{0} 个单元格无法识别，已保留原文并标红，请改正</source>
        <translation>; {0} cells could not be read: kept as entered and marked red, please correct them</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/importing.py" line="299"/>
        <source>；跳过了 {0} 个空行、合计行或重复的标题行</source>
        <translation>; skipped {0} blank, total or repeated header rows</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../unionclerk/gui/roster/model.py" line="244"/>
        <source>在这一行输入或粘贴，即添加新行</source>
        <translation>Type or paste on this row to add rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/model.py" line="295"/>
        <source>第 {0} 行</source>
        <translation>row {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/model.py" line="305"/>
        <source>添加一行</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/model.py" line="318"/>
        <source>修改“{0}”</source>
        <translation>Change &quot;{0}&quot;</translation>
    </message>
</context>
<context>
    <name>RosterOps</name>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="33"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="34"/>
        <source>剪切</source>
        <translation>Cut</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="35"/>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="38"/>
        <source>清除内容</source>
        <translation>Clear contents</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="42"/>
        <location filename="../../unionclerk/gui/roster/ops.py" line="200"/>
        <source>向下填充</source>
        <translation>Fill down</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="46"/>
        <source>在上方插入行</source>
        <translation>Insert rows above</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="50"/>
        <source>删除所选行</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="51"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="52"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="72"/>
        <source>报表已标记完成，不能修改。如需修改，请先“重新打开”。</source>
        <translation>The report is marked complete and cannot be changed. To change it, &quot;Reopen&quot; it first.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="93"/>
        <source>已复制 {0} 行 × {1} 列</source>
        <translation>Copied {0} rows × {1} columns</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="123"/>
        <source>多出的 {0} 列（最右边）将不会粘贴。继续粘贴吗？</source>
        <translation>The {0} extra columns (on the right) will not be pasted. Paste the rest?</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="130"/>
        <source>粘贴 {0} 行</source>
        <translation>Paste {0} rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="132"/>
        <source>已粘贴 {0} 行</source>
        <translation>Pasted {0} rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="134"/>
        <source>（新增 {0} 行）</source>
        <translation> ({0} new)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="136"/>
        <source>；{0} 个单元格无法识别，已保留原文并标红，请改正</source>
        <translation>; {0} cells could not be read: kept as entered and marked red, please correct them</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="175"/>
        <source>清除 {0} 个单元格</source>
        <translation>Clear {0} cells</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="215"/>
        <source>插入 {0} 行</source>
        <translation>Insert {0} rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="226"/>
        <source>删除 {0} 行</source>
        <translation>Delete {0} rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="233"/>
        <source>已删除 {0} 行（可撤销：Ctrl+Z）</source>
        <translation>Deleted {0} rows (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="241"/>
        <source>表格已按某列排序，不能移动行：请先“恢复原顺序”</source>
        <translation>The table is sorted by a column, so rows cannot be moved: choose &quot;Original order&quot; first</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/ops.py" line="245"/>
        <source>只能移动相连的几行</source>
        <translation>Only adjacent rows can be moved together</translation>
    </message>
</context>
<context>
    <name>RosterTable</name>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="67"/>
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="67"/>
        <source>在当前行下面添加一行</source>
        <translation>Add a row below the current one</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="70"/>
        <source>删除所选行</source>
        <translation>Delete selected row</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="72"/>
        <source>删除选中单元格所在的行（Ctrl+-），可撤销</source>
        <translation>Delete the rows of the selected cells (Ctrl+-); can be undone</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="74"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="75"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="78"/>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="80"/>
        <source>从自己整理的 Excel 名单导入，可先核对各列的对应</source>
        <translation>Import your own Excel roster, checking how its columns match first</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="83"/>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="95"/>
        <source>查找（在所有列中）…</source>
        <translation>Find (in every column)…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="100"/>
        <source>只看有问题的行</source>
        <translation>Only rows with problems</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="107"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="108"/>
        <source>恢复原顺序</source>
        <translation>Original order</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="182"/>
        <source>共 {0} 行</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="184"/>
        <source>，筛选后显示 {0} 行</source>
        <translation>, {0} shown by the filter</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="185"/>
        <source>&#x3000;错误 {0} 个，警告 {1} 个</source>
        <translation>   {0} errors, {1} warnings</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/roster/table.py" line="219"/>
        <source>第 {0} 行“{1}”无法识别“{2}”，已保留原文并标红，请改正。{3}</source>
        <translation>Row {0}: &quot;{1}&quot; cannot read &quot;{2}&quot;; the text is kept and marked red, please correct it. {3}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="146"/>
        <source>欢迎使用工会报表助手</source>
        <translation>Welcome to Union Clerk</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="148"/>
        <source>几步设置之后就可以开始填报。以后可在“设置”菜单中更改角色和单位信息。</source>
        <translation>A few steps, then you can start. The role and the unit details can be changed later in the Settings menu.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="150"/>
        <source>乡镇(街道)工会：填报本单位的报表</source>
        <translation>A township (sub-district) union: fill in our own report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="151"/>
        <source>县级工会：汇总各乡镇报表（也可填报本单位）</source>
        <translation>A county union: collect the townships&apos; reports (and fill in our own)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="156"/>
        <source>开始填写本单位的报表</source>
        <translation>Start our unit&apos;s report</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="157"/>
        <source>先载入演示报表看看（佛堂镇总工会 2018年度）</source>
        <translation>Load the demo report first to look around (Fotang town union, 2018)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="163"/>
        <source>&lt;b&gt;本单位是：&lt;/b&gt;</source>
        <translation>&lt;b&gt;Our unit is:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/wizard.py" line="167"/>
        <source>&lt;b&gt;现在要：&lt;/b&gt;</source>
        <translation>&lt;b&gt;Now:&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../unionclerk/gui/main.py" line="91"/>
        <source>这个数据文件夹已经被另一个正在运行的工会报表助手打开（进程号 {0}）。
请切换到那个窗口继续工作；本程序将退出。

数据文件夹：{1}</source>
        <translation>This data folder is already open in another running copy of Union Clerk (process {0}).
Please switch to that window; this copy will now close.

Data folder: {1}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/main.py" line="161"/>
        <source>数据文件已损坏，而且没有找到可用的备份。
请不要删除数据文件夹，联系技术支持。

数据文件：{0}</source>
        <translation>The data file is damaged and no usable backup was found.
Please do not delete the data folder; contact support.

Data file: {0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/main.py" line="171"/>
        <source>数据文件检查未通过（可能因断电或磁盘故障损坏）。

找到最近一次完好的备份：{0}（{1}）。
要用它恢复吗？损坏的文件会另存一份，不会删除。</source>
        <translation>The data file failed its check (perhaps damaged by a power cut or a disk fault).

The latest intact backup is {0} ({1}).
Restore from it? The damaged file is kept aside, not deleted.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/main.py" line="194"/>
        <source>程序出错了，已填写的数据都已保存。
错误详情已写入：{0}

{1}</source>
        <translation>Something went wrong; everything you entered is saved.
The details were written to: {0}

{1}</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="126"/>
        <source>行政区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="127"/>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="128"/>
        <source>报送情况</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="129"/>
        <source>报表状态</source>
        <translation>Report status</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="130"/>
        <source>计入的文件</source>
        <translation>File counted</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="131"/>
        <source>导出时间</source>
        <translation>Exported at</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/county/models.py" line="132"/>
        <source>问题与备注</source>
        <translation>Problems and notes</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../unionclerk/gui/workers.py" line="50"/>
        <source>后台任务意外出错，详情已写入日志文件。</source>
        <translation>The background task failed unexpectedly; the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="315"/>
        <source>✓ {0}：退回文件，{1} {2} 已重新打开（{3} 条上级意见）</source>
        <translation>✓ {0}: return file, {1} {2} reopened ({3} county comments)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="346"/>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="354"/>
        <source>用这个备份替换现在的全部数据吗？
{0}

现在的数据会先另存一份备份。</source>
        <translation>Replace all current data with this backup?
{0}

The current data is saved as a backup first.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="366"/>
        <source>已从备份恢复。恢复前的数据已另存为：
{0}</source>
        <translation>Restored from the backup. The data from before the restore was saved as:
{0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="45"/>
        <source>共 {0} 张表：{1} 张已填完且无问题，{2} 张未填，{3} 张还有问题。</source>
        <translation>{0} forms: {1} filled in with no problems, {2} not started, {3} with problems.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="50"/>
        <source>还有 {0} 个错误需要修改 →</source>
        <translation>{0} errors still to fix →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="52"/>
        <source>还有 {0} 个警告需要填写说明 →</source>
        <translation>{0} warnings still need an explanation →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="54"/>
        <source>检查全部通过：标记完成 →</source>
        <translation>All checks passed: mark complete →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="56"/>
        <source>已标记完成：导出上报文件 →</source>
        <translation>Marked complete: export the submission files →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="58"/>
        <source>已导出。可以再次导出，或重新打开修改 →</source>
        <translation>Exported. Export again, or reopen to change →</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="103"/>
        <source>报表已标记完成。现在导出上报文件吗？</source>
        <translation>The report is marked complete. Export the submission files now?</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="123"/>
        <source>标记完成之前，请看一下这些表。</source>
        <translation>Before marking the report complete, look at these forms.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="125"/>
        <source>以下表一项也没有填：</source>
        <translation>These forms have nothing in them:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="128"/>
        <source>以下表还没有填完：</source>
        <translation>These forms are not filled in completely:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="130"/>
        <source>&#x3000;&#x3000;{0}（已填 {1}/{2} 项）</source>
        <translation>    {0} ({1} of {2} filled in)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="137"/>
        <source>本期确实没有需要填报的内容的表，可以标记为“本期无此项”：报表和 PDF 上会写明，审核时就知道不是漏填。</source>
        <translation>A form with truly nothing to report this period can be marked &quot;nothing to report&quot;: the workbook and the PDF say so, and a reviewer can tell it was not forgotten.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="143"/>
        <source>标记为“本期无此项”并完成</source>
        <translation>Mark them &quot;nothing to report&quot; and complete</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="143"/>
        <location filename="../../unionclerk/gui/workflow.py" line="153"/>
        <source>返回填写</source>
        <translation>Go back and fill in</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="153"/>
        <source>仍然标记完成</source>
        <translation>Complete anyway</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="154"/>
        <source>没填的项目如果本期确实没有，可以不填。</source>
        <translation>Items with nothing this period may stay empty.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="177"/>
        <source>重新打开需要填写原因（会记入修改记录），例如：县总工会要求补报：</source>
        <translation>Reopening needs a reason (kept in the change log), e.g. the county union asked for more figures:</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="259"/>
        <source>请选择一个已存在的文件夹和至少一种格式。</source>
        <translation>Please choose an existing folder and at least one format.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="282"/>
        <source>已取消导出，没有写入任何文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="284"/>
        <source>正在导出上报文件……</source>
        <translation>Exporting the submission files…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="294"/>
        <source>选择要导入的报表文件</source>
        <translation>Choose report files to import</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="296"/>
        <source>报表文件 (*.json *.xlsx)</source>
        <translation>Report files (*.json *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="335"/>
        <source>导入结果：
{0}</source>
        <translation>Import results:
{0}</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="337"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="375"/>
        <source>备份数据到</source>
        <translation>Back up data to</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="348"/>
        <location filename="../../unionclerk/gui/workflow.py" line="375"/>
        <source>数据库备份 (*.sqlite3)</source>
        <translation>Database backup (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="247"/>
        <source>报表还没有标记完成（还有 {0} 个问题未处理），现在导出的是草稿：
文件名带“草稿”，PDF 每页印有“草稿”，只供核对，不能作为正式上报文件。

仍要导出草稿吗？</source>
        <translation>The report is not marked complete ({0} problems left), so this exports a draft:
the file names end in 草稿 (draft) and every PDF page says so; it is for checking only, not for submission.

Export a draft anyway?</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="390"/>
        <source>正在备份……</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../unionclerk/gui/workflow.py" line="392"/>
        <source>已备份到：
{0}</source>
        <translation>Backed up to:
{0}</translation>
    </message>
</context>
</TS>

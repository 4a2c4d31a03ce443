"""Reading files that came from outside (readers are not exporters): what a file is, opening workbooks safely, submissions and whether they are intact, filled templates. No Qt."""

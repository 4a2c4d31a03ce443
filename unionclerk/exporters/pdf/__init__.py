"""The submission PDF and the 退回通知单: pages, fonts, roster tables, long-text splitting. No Qt."""

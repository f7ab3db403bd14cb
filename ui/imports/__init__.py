"""Sections of the 数据导入 page: one upload-check-import panel per kind of file."""

"""The service layer: one function per user action, each one unit of work.

Services check who may act, call the workflow engine and the domain, and
write the audit trail; the CLI (and later the web app) only parse input
and call them.
"""

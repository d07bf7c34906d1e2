"""Accounts, roles, keys, the audit trail, denouncer secrecy, backups (docs/security.md)."""

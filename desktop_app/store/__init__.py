"""The ledger file: schema, migrations, queries, import, export, merge. No Qt."""

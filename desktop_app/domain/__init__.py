"""The rules of the ledger: records, validation, conflicts, balance. No Qt, no SQL."""

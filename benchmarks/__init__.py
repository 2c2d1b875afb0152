"""The benchmark of Exchange Ledger (issue 6): see benchmarks/run.py."""

"""Exchange Ledger: sourced events of a war, their conflicting reports, and the balance."""

__version__ = "0.1.0"

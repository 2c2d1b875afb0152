"""Exchange Ledger: sourced events of a war, their conflicting reports, and the balance."""

__version__ = "0.1.0"

# The command line's commands (PRODUCT.md); any other first argument opens the window.
COMMANDS = (
    "import",
    "export",
    "conflicts",
    "balance",
    "resolve",
    "merge",
    "check",
    "copy",
    "evidence",
)

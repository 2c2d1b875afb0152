"""How the window marks what it says beside the data: a problem, a note that is not a
problem, and a quiet hint. One place, so that a problem looks the same in every pane."""

ERROR_STYLE = "color: #b00020;"  # a problem: nothing is saved until it is mended
NOTE_STYLE = "color: #8a5300;"  # allowed, but said before it happens (a new party)
HINT_STYLE = "color: palette(mid);"  # what to do next, or why a list is empty

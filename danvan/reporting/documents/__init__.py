"""Documents made from a call's answers: the consolidated table (.xlsx) and its Word annex, the merged
narrative outline, and the draft result report. Pure Python: the services hand them plain values."""

"""Treaty ratification tracker: UNTC status pages -> dated snapshots, reports and claim checks."""

__version__ = "0.1.0"

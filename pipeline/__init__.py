"""Treaty ratification tracker: UN Treaty Collection status pages -> dated snapshots, reports and claim checks."""

__version__ = "0.1.0"

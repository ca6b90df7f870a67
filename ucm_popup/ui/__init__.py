"""Qt only: the tray, the caller popup and the settings dialogs, driven by core events."""

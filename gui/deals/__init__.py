"""The deal list: its table model and the actions on selected deals."""

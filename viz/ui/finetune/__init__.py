"""The Fine-tune tab's panels."""

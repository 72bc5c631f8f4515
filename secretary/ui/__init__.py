"""The Qt interface. Everything here calls secretary.services; nothing touches the store."""

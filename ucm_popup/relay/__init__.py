"""The site relay: one UCM session for every extension, published to desks through MQTT."""

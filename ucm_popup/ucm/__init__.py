"""The UCM side, free of Qt: TLS, the WebSocket event stream, the call tracker."""

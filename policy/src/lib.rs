//! Policy (in progress).

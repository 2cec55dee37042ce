//! stub
#![deny(missing_docs)]

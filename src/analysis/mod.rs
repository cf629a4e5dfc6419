//! Pure analyses of a document's text, no I/O: validity dates, the imposed plan, the
//! language, the HDS activities. The content checks call them; the fuzz targets too.

pub mod activities;
pub mod holder;
pub mod language;
pub mod outline;
pub mod validity;

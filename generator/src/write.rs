//! Writing output files only when their bytes change, so that cargo does not rebuild for
//! nothing.

use std::io;
use std::path::Path;

/// Whether the file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file was created or its content changed.
    Changed,
    /// The file already held exactly these bytes and was left alone.
    Unchanged,
}

/// Writes `contents` to `path` unless it already holds exactly those bytes; creates parent
/// directories as needed. Errors name the path.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<Written, crate::Error> {
    match std::fs::read(path) {
        Ok(existing) if existing == contents => return Ok(Written::Unchanged),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(crate::Error::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| crate::Error::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, contents).map_err(|source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Written::Changed)
}

//! The framing every saved model shares: `magic | version u16 | body | FNV-1a 64-bit hash of
//! everything before it, u64` (integers and floats little-endian), and a reader of the body that
//! turns running past its end into an error. A truncated, corrupted or foreign file is an error,
//! never a panic.

/// FNV-1a, 64 bits: detects any single flipped byte.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The start of a saved file: its magic and version.
pub fn header(magic: &[u8], version: u16) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend(version.to_le_bytes());
    out
}

/// Appends the checksum of everything written so far.
pub fn seal(mut out: Vec<u8>) -> Vec<u8> {
    out.extend(checksum(&out).to_le_bytes());
    out
}

/// Checks the magic, the checksum and the version of `bytes` (a file of `what`: "flow", "coupling
/// flow") and returns a reader of its body.
pub fn open<'a>(
    bytes: &'a [u8],
    magic: &[u8],
    version: u16,
    what: &'static str,
) -> Result<Reader<'a>, String> {
    let body = bytes
        .len()
        .checked_sub(8)
        .filter(|&b| bytes[..b].starts_with(magic) && b >= magic.len() + 2)
        .ok_or_else(|| format!("not a FlowLab {what}: missing header"))?;
    if checksum(&bytes[..body]).to_le_bytes() != bytes[body..] {
        return Err(format!("{what} data is corrupted (checksum mismatch)"));
    }
    let mut r = Reader {
        bytes: &bytes[..body],
        at: magic.len(),
        what,
    };
    let found = r.u16()?;
    if found != version {
        return Err(format!("unsupported {what} format version {found}"));
    }
    Ok(r)
}

/// Reads the body front to back; running past its end is an error.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("{} data is truncated", self.what))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        Ok(self.take(N)?.try_into().expect("take returned N bytes"))
    }

    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.array::<1>()?[0])
    }

    pub fn u16(&mut self) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn f64(&mut self) -> Result<f64, String> {
        Ok(f64::from_le_bytes(self.array()?))
    }

    /// A short UTF-8 string written by [`write_name`].
    pub fn name(&mut self) -> Result<&'a str, String> {
        let len = self.u8()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|e| e.to_string())
    }

    /// Errs unless the whole body has been read (`after`: what came last).
    pub fn finish(self, after: &str) -> Result<(), String> {
        match self.bytes.len() - self.at {
            0 => Ok(()),
            n => Err(format!("{n} unexpected bytes after the {after}")),
        }
    }
}

/// Writes a string of at most 255 bytes as its length (u8) and its UTF-8 bytes.
pub fn write_name(out: &mut Vec<u8>, name: &str) {
    let bytes = &name.as_bytes()[..name.len().min(255)];
    out.push(bytes.len() as u8);
    out.extend(bytes);
}

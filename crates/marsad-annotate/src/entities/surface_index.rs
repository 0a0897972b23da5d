//! Finding a word type by its surface form without chasing a pointer to the form:
//! the index maps a 64-bit hash of the form to the type's id, and the type holds
//! its form inline ([`Surface`]) to confirm the hit, so a lookup reads the hash
//! table and the type's entry, which the tagger reads next anyway. The rare forms
//! whose hash another form already has go to an exact map. Every answer is exact.

use std::collections::HashMap;
use std::hash::BuildHasher;

use marsad_text::fxhash::FxBuildHasher;

/// Bytes a surface form may have to be stored inline (an Arabic word of 15 letters).
const INLINE: usize = 30;

/// A surface form (or a word key), inline when short (nearly every word), else on the
/// heap: reading it costs no pointer chase.
#[derive(Debug, Clone)]
pub(crate) enum Surface {
    Inline { len: u8, bytes: [u8; INLINE] },
    Long(Box<str>),
}

impl Surface {
    pub(crate) fn new(s: &str) -> Surface {
        if s.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Surface::Inline { len: s.len() as u8, bytes }
        } else {
            Surface::Long(s.into())
        }
    }

    /// Whether this is the form `s`.
    #[inline]
    pub(crate) fn is(&self, s: &str) -> bool {
        match self {
            Surface::Inline { len, bytes } => {
                *len as usize == s.len() && bytes.get(..s.len()) == Some(s.as_bytes())
            }
            Surface::Long(long) => &**long == s,
        }
    }

    /// The form.
    pub(crate) fn text(&self) -> &str {
        match self {
            // Always valid: the bytes were copied from a whole `str`.
            Surface::Inline { len, bytes } => {
                bytes.get(..*len as usize).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
            }
            Surface::Long(long) => long,
        }
    }

    /// The form's bytes (no UTF-8 check, for hashing and comparing).
    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Surface::Inline { len, bytes } => bytes.get(..*len as usize).unwrap_or(&[]),
            Surface::Long(long) => long.as_bytes(),
        }
    }

    /// Heap bytes beyond the value itself.
    pub(crate) fn heap_bytes(&self) -> usize {
        match self {
            Surface::Inline { .. } => 0,
            Surface::Long(long) => long.len(),
        }
    }
}

/// The hash the index keys forms by.
#[inline]
pub(crate) fn surface_hash(s: &str) -> u64 {
    FxBuildHasher::default().hash_one(s)
}

/// Surface hash → id, and the colliding forms by their text.
#[derive(Debug, Default)]
pub(crate) struct SurfaceIndex {
    by_hash: HashMap<u64, u32, FxBuildHasher>,
    collided: HashMap<Box<str>, u32, FxBuildHasher>,
}

impl SurfaceIndex {
    /// The id of form `s` (hash `hash`); `surface_of` gives the form of an id.
    #[inline]
    pub(crate) fn get<'a>(
        &self,
        hash: u64,
        s: &str,
        surface_of: impl Fn(u32) -> &'a Surface,
    ) -> Option<u32> {
        let &id = self.by_hash.get(&hash)?;
        if surface_of(id).is(s) {
            return Some(id);
        }
        self.collided.get(s).copied()
    }

    /// Record form `s` (hash `hash`, not in the index yet) under `id`.
    pub(crate) fn insert(&mut self, hash: u64, s: &str, id: u32) {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.by_hash.entry(hash) {
            slot.insert(id);
        } else {
            self.collided.insert(s.into(), id);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.by_hash.clear();
        self.collided.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_long_and_colliding_forms() {
        let long = "ا".repeat(40);
        let forms = [Surface::new("عراق"), Surface::new(&long), Surface::new("بغداد")];
        assert!(matches!(forms[0], Surface::Inline { .. }) && matches!(forms[1], Surface::Long(_)));
        assert!(forms[0].is("عراق") && !forms[0].is("عرا") && forms[1].is(&long));
        let mut index = SurfaceIndex::default();
        index.insert(surface_hash("عراق"), "عراق", 0);
        index.insert(surface_hash(&long), &long, 1);
        // A forced collision: بغداد filed under عراق's hash.
        index.insert(surface_hash("عراق"), "بغداد", 2);
        let of = |id: u32| &forms[id as usize];
        assert_eq!(index.get(surface_hash("عراق"), "عراق", of), Some(0));
        assert_eq!(index.get(surface_hash(&long), &long, of), Some(1));
        assert_eq!(index.get(surface_hash("عراق"), "بغداد", of), Some(2));
        assert_eq!(index.get(surface_hash("سوريا"), "سوريا", of), None);
    }
}

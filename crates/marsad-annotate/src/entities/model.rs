//! The tagger model: two passes, each hashed feature weights per tag plus
//! tag-transition weights, decoded with Viterbi (first-order, `I-X` only after
//! `B-X`/`I-X`), and its versioned binary file format.
//!
//! The first pass tags every sentence of a document from its own features; the
//! second pass adds document hints (how the first pass tagged the same word nearby,
//! see `hints.rs`) and the first pass's tags, and gives the final tags.
//!
//! File format (little endian), version [`MODEL_VERSION`]:
//! ```text
//! magic   b"MRSDNER\0"
//! u32     format version
//! u64     feature signature (templates + lexicon + clusters, see features.rs)
//! u32     hash bits (the table has 2^bits rows of NUM_TAGS weights)
//! u32     NUM_TAGS
//! u32     document window (sentences either side counted for hints)
//! then two layers (first pass, second pass), each:
//!   f32     scale (weight = i16 value × scale)
//!   f32 ×   (NUM_TAGS + 1) × NUM_TAGS transitions (row 0: sentence start)
//!   u32     rows stored, then per non-zero row:
//!           varint (row − previous row), u16 bit mask of non-zero tags, i16 per set bit
//! ```
//! Weights are quantised to i16 (relative error ≤ 1/32767 of the largest weight).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};

use super::fast_tagger::tag_document_fast;
use super::features::feature_signature;
use super::lexicon::{word_key, ListFlags};
use super::reference_tagger;
use super::tags::{Tag, NUM_TAGS};
use super::weight_rows::{interleave, Row, Tables};

/// Ids of models read from bytes, which the fast tagger's word-type cache belongs to.
static NEXT_MODEL_ID: AtomicU64 = AtomicU64::new(1);

/// Current model file version.
pub const MODEL_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"MRSDNER\0";

/// The model shipped in the repository (`models/ner-v1.bin`), trained by
/// `marsad train-ner --train anercorp_train.txt --out crates/marsad-annotate/models/ner-v1.bin`.
pub const SHIPPED_MODEL: &[u8] = include_bytes!("../../models/ner-v1.bin");

/// Why a model file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("not a Marsad NER model (bad magic bytes)")]
    BadMagic,
    #[error("NER model format version {0} is not supported (this build reads {MODEL_VERSION})")]
    Version(u32),
    #[error("NER model was trained with other features (lexicon, clusters or templates changed): retrain with `marsad train-ner`")]
    FeatureMismatch,
    #[error("NER model file is truncated or corrupt")]
    Corrupt,
}

/// One pass: weights and transitions.
#[derive(Debug, Clone)]
pub(crate) struct Layer {
    /// `2^bits × NUM_TAGS` while training (empty in a model read from a file).
    pub(crate) weights: Vec<f32>,
    /// The weights as read from a file: i16 values and their scale. Half the memory
    /// of f32, so fewer cache misses per lookup.
    pub(crate) quantized: Option<Quantized>,
    /// `(NUM_TAGS + 1) × NUM_TAGS`: row 0 is the sentence start, row `p + 1` follows tag `p`.
    pub(crate) transitions: Vec<f32>,
}

/// A model file's weights: both passes interleaved per feature row (`weight_rows.rs`,
/// the layout the fast path reads) in one table the two layers share, so the weights
/// are in memory once; `half` is this layer's pass.
#[derive(Debug, Clone)]
pub(crate) struct Quantized {
    pub(crate) rows: Arc<Vec<Row>>,
    half: usize,
    scale: f32,
}

impl Quantized {
    /// This pass's `NUM_TAGS` weights of feature `f`.
    #[inline]
    fn row(&self, f: u32) -> Option<&[i16]> {
        let row = self.rows.get(f as usize)?;
        row.get(self.half * NUM_TAGS..(self.half + 1) * NUM_TAGS)
    }
}

impl Layer {
    pub(crate) fn zeros(bits: u32) -> Layer {
        Layer {
            weights: vec![0.0; (1usize << bits) * NUM_TAGS],
            quantized: None,
            transitions: vec![0.0; (NUM_TAGS + 1) * NUM_TAGS],
        }
    }

    /// Sum the weight rows of one token's features into `emit`.
    #[inline]
    fn emissions(&self, feats: &[u32], emit: &mut [f32; NUM_TAGS]) {
        match &self.quantized {
            Some(q) => {
                let mut acc = [0i32; NUM_TAGS];
                for &f in feats {
                    if let Some(row) = q.row(f) {
                        for (a, w) in acc.iter_mut().zip(row) {
                            *a += *w as i32;
                        }
                    }
                }
                for (e, a) in emit.iter_mut().zip(acc) {
                    *e = a as f32 * q.scale;
                }
            }
            None => {
                emit.fill(0.0);
                for &f in feats {
                    let base = f as usize * NUM_TAGS;
                    if let Some(row) = self.weights.get(base..base + NUM_TAGS) {
                        for (e, w) in emit.iter_mut().zip(row) {
                            *e += w;
                        }
                    }
                }
            }
        }
    }

    /// Best tag sequence for a sentence's features (`stride` per token).
    pub(crate) fn viterbi(&self, feats: &[u32], stride: usize) -> Vec<Tag> {
        let n = feats.len() / stride;
        if n == 0 {
            return Vec::new();
        }
        let mut delta = vec![0f32; n * NUM_TAGS];
        let mut back = vec![0u8; n * NUM_TAGS];
        let mut emit = [0f32; NUM_TAGS];
        for i in 0..n {
            self.emissions(&feats[i * stride..(i + 1) * stride], &mut emit);
            for t in 0..NUM_TAGS {
                let tag = Tag::from_index(t);
                let (best, arg) = if i == 0 {
                    if tag.may_follow(None) {
                        (self.transitions[t], 0)
                    } else {
                        (f32::NEG_INFINITY, 0)
                    }
                } else {
                    let mut best = (f32::NEG_INFINITY, 0usize);
                    for p in 0..NUM_TAGS {
                        if !tag.may_follow(Some(Tag::from_index(p))) {
                            continue;
                        }
                        let s = delta[(i - 1) * NUM_TAGS + p]
                            + self.transitions[(p + 1) * NUM_TAGS + t];
                        if s > best.0 {
                            best = (s, p);
                        }
                    }
                    best
                };
                delta[i * NUM_TAGS + t] = best + emit[t];
                back[i * NUM_TAGS + t] = arg as u8;
            }
        }
        let last = &delta[(n - 1) * NUM_TAGS..];
        let mut t = (0..NUM_TAGS).fold(0, |b, x| if last[x] > last[b] { x } else { b });
        let mut out = vec![Tag::O; n];
        for i in (0..n).rev() {
            out[i] = Tag::from_index(t);
            t = back[i * NUM_TAGS + t] as usize;
        }
        out
    }

    fn write(&self, out: &mut Vec<u8>) {
        let (q, scale) = match &self.quantized {
            Some(q) => {
                let half = q.half * NUM_TAGS..(q.half + 1) * NUM_TAGS;
                let values = q.rows.iter().flat_map(|row| row[half.clone()].iter().copied());
                (std::borrow::Cow::<[i16]>::Owned(values.collect()), q.scale)
            }
            None => {
                let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
                let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
                let q: Vec<i16> = self
                    .weights
                    .iter()
                    .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
                    .collect();
                (std::borrow::Cow::Owned(q), scale)
            }
        };
        out.extend_from_slice(&scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut body = Vec::new();
        let mut rows = 0u32;
        let mut prev = 0usize;
        for (r, row) in q.chunks(NUM_TAGS).enumerate() {
            let mask =
                row.iter().enumerate().fold(0u16, |m, (i, v)| if *v != 0 { m | 1 << i } else { m });
            if mask == 0 {
                continue;
            }
            rows += 1;
            write_varint(&mut body, (r - prev) as u64);
            prev = r;
            body.extend_from_slice(&mask.to_le_bytes());
            for v in row.iter().filter(|v| **v != 0) {
                body.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&rows.to_le_bytes());
        out.extend_from_slice(&body);
    }

    /// Read one pass: its weights (`2^bits × NUM_TAGS`), scale and transitions.
    fn read(r: &mut Reader<'_>, bits: u32) -> Result<(Vec<i16>, f32, Vec<f32>), ModelError> {
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(ModelError::Corrupt);
        }
        let mut transitions = vec![0f32; (NUM_TAGS + 1) * NUM_TAGS];
        for t in transitions.iter_mut() {
            *t = r.f32()?;
        }
        let mut q = vec![0i16; (1usize << bits) * NUM_TAGS];
        let rows = r.u32()?;
        let mut row = 0usize;
        for _ in 0..rows {
            row += r.varint()? as usize;
            let mask = u16::from_le_bytes([r.u8()?, r.u8()?]);
            let slots =
                q.get_mut(row * NUM_TAGS..(row + 1) * NUM_TAGS).ok_or(ModelError::Corrupt)?;
            for (i, slot) in slots.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    *slot = i16::from_le_bytes([r.u8()?, r.u8()?]);
                }
            }
        }
        Ok((q, scale, transitions))
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct NerModel {
    pub(crate) bits: u32,
    /// Sentences either side of a sentence that count as its document for hints.
    pub(crate) window: u32,
    pub(crate) first: Layer,
    pub(crate) second: Layer,
    /// Unique per model read from bytes (0 for one being trained); a clone has the
    /// same weights, so it keeps the id.
    pub(crate) id: u64,
}

impl NerModel {
    /// The shipped model, loaded once.
    pub fn shipped() -> Result<&'static NerModel, ModelError> {
        static MODEL: LazyLock<Result<NerModel, ModelError>> =
            LazyLock::new(|| NerModel::from_bytes(SHIPPED_MODEL));
        MODEL.as_ref().map_err(Clone::clone)
    }

    /// The feature mask of this model.
    pub(crate) fn mask(&self) -> u32 {
        mask(self.bits)
    }

    /// Tag one sentence given as surface tokens (the sentence is its own document).
    pub fn tag<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<Tag> {
        self.tag_document(std::slice::from_ref(&tokens)).pop().unwrap_or_default()
    }

    /// Tag the sentences of one document (an article, or a stretch of a CoNLL
    /// stream): the second pass reads how the first pass tagged each content word's
    /// other occurrences within the model's window.
    ///
    /// A model read from a file takes the fast path (`fast_tagger.rs`), which gives
    /// the same tags as [`tag_document_reference`](Self::tag_document_reference).
    pub fn tag_document<T: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[T]) -> Vec<Vec<Tag>> {
        self.tag_document_keyed(sentences, None)
    }

    /// [`tag_document`](Self::tag_document), also appending every token's
    /// [`ListFlags`] to `flags` (the fast path knows them per word type).
    pub(crate) fn tag_document_with_flags<T: AsRef<[S]>, S: AsRef<str>>(
        &self,
        sentences: &[T],
        flags: &mut Vec<ListFlags>,
    ) -> Vec<Vec<Tag>> {
        self.tag_document_keyed(sentences, Some(flags))
    }

    fn tag_document_keyed<T: AsRef<[S]>, S: AsRef<str>>(
        &self,
        sentences: &[T],
        flags: Option<&mut Vec<ListFlags>>,
    ) -> Vec<Vec<Tag>> {
        match self.fast_tables() {
            Some((tables, scales)) => tag_document_fast(self, &tables, scales, sentences, flags),
            None => {
                if let Some(flags) = flags {
                    let tokens = sentences.iter().flat_map(|s| s.as_ref());
                    flags.extend(tokens.map(|t| ListFlags::of_key(&word_key(t.as_ref()))));
                }
                self.tag_document_reference(sentences)
            }
        }
    }

    /// The fast path's weight rows and both passes' scales: for a model read from a
    /// file (quantized weights) only.
    pub(crate) fn fast_tables(&self) -> Option<(Tables<'_>, [f32; 2])> {
        let (Some(first), Some(second)) = (&self.first.quantized, &self.second.quantized) else {
            return None;
        };
        let tables = Tables { rows: first.rows.as_slice(), mask: self.mask() };
        Some((tables, [first.scale, second.scale]))
    }

    /// [`tag_document`](Self::tag_document) the straightforward way: every feature of
    /// every token hashed and read from the tables. Models being trained (f32
    /// weights) use it; for the others it is the yardstick the fast path is tested
    /// against.
    #[doc(hidden)]
    pub fn tag_document_reference<T: AsRef<[S]>, S: AsRef<str>>(
        &self,
        sentences: &[T],
    ) -> Vec<Vec<Tag>> {
        reference_tagger::tag_document(self, sentences)
    }

    /// The model file bytes (format in the module doc).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&MODEL_VERSION.to_le_bytes());
        out.extend_from_slice(&feature_signature().to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(NUM_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&self.window.to_le_bytes());
        self.first.write(&mut out);
        self.second.write(&mut out);
        out
    }

    /// Read a model file; checks magic, version and the feature signature.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u32()?;
        if version != MODEL_VERSION {
            return Err(ModelError::Version(version));
        }
        if r.u64()? != feature_signature() {
            return Err(ModelError::FeatureMismatch);
        }
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) || r.u32()? as usize != NUM_TAGS {
            return Err(ModelError::Corrupt);
        }
        let window = r.u32()?;
        let (first, first_scale, first_transitions) = Layer::read(&mut r, bits)?;
        let (second, second_scale, second_transitions) = Layer::read(&mut r, bits)?;
        if r.pos != bytes.len() {
            return Err(ModelError::Corrupt);
        }
        let rows = Arc::new(interleave(&first, &second));
        let layer = |half, scale, transitions| Layer {
            weights: Vec::new(),
            quantized: Some(Quantized { rows: Arc::clone(&rows), half, scale }),
            transitions,
        };
        let first = layer(0, first_scale, first_transitions);
        let second = layer(1, second_scale, second_transitions);
        let id = NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed);
        Ok(NerModel { bits, window, first, second, id })
    }
}

/// The feature mask for a table of `2^bits` rows.
pub(crate) fn mask(bits: u32) -> u32 {
    ((1u64 << bits) - 1) as u32
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Corrupt)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Corrupt)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt)
    }
}

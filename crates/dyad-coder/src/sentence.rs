//! One analysed sentence: tokens plus the keys the dictionaries match on.

use dyad_core::Span;
use dyad_dict::{KeyRow, PatternInput, PatternMatch, TokenKeys};
use dyad_text::{LemmaKind, Token};

use crate::{skip, Coder, Workspace, MAX_SENTENCE_TOKENS};

/// A sentence's tokens and, per token, the keys a dictionary word may match:
/// its normalised form, its lemma in context, and its context-free lemma
/// (the one the dictionary compiler used).
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Per token, its three keys as the dictionaries' own strings (`""` for
    /// a key no dictionary uses) with their vocabulary ids:
    /// [`Sentence::keys`] runs for every token in every matcher, so it must
    /// be a plain load, and the tries compare the ids.
    keys: Vec<KeyRow<'a>>,
    /// Wire text in capitals: case says nothing about names.
    pub all_caps: bool,
    /// The worker's buffers: `tokens` and `keys` go back to it when the
    /// sentence is dropped, so that the next sentence reuses their memory.
    home: &'a mut Workspace,
}

impl Drop for Sentence<'_> {
    fn drop(&mut self) {
        self.home.tokens = std::mem::take(&mut self.tokens);
        self.home.keys = recycle(std::mem::take(&mut self.keys));
    }
}

/// `keys` emptied, as a vector of rows of another lifetime: the worker keeps
/// the vector's memory from one sentence to the next although each
/// sentence's rows borrow that sentence's dictionaries. (Collecting a
/// vector's own iterator into a vector of a type of the same size reuses its
/// allocation.)
pub(crate) fn recycle<'b>(mut keys: Vec<KeyRow<'_>>) -> Vec<KeyRow<'b>> {
    keys.clear();
    keys.into_iter().map(|_| KeyRow::EMPTY).collect()
}

/// The lexicon's lemma (`lemma`, from the probe `analyze` made); for a word
/// it does not know that looks like a regular plural (`warplanes`,
/// `drones`), the singular, so that dictionary nouns match their plurals even
/// outside the lexicon.
#[inline]
pub(crate) fn context_free_lemma<'n>(norm: &'n str, lemma: Option<&'static str>, common: bool) -> &'n str {
    match lemma {
        Some(l) if l != norm => l,
        _ => {
            // Cheapest tests first: this runs for every token.
            let plural = !common
                && norm.len() > 3
                && norm.ends_with('s')
                && !norm.ends_with("ss")
                && !norm.ends_with("us")
                && !norm.ends_with("sis")
                && norm.chars().all(|c| c.is_ascii_lowercase());
            &norm[..if plural { norm.len() - 1 } else { norm.len() }]
        }
    }
}

impl<'a> Sentence<'a> {
    /// Analyses the sentence at `span` of `text`, with the buffers of the
    /// worker's `workspace` (so nothing is allocated for them per sentence).
    /// With `may_skip`, returns `None` for a sentence that
    /// [`skip::inert`] says can yield no event and no actor mention, before
    /// tagging it: the caller must then neither code it nor learn from it.
    pub fn new(
        coder: &'a Coder,
        text: &'a str,
        span: Span,
        workspace: &'a mut Workspace,
        may_skip: bool,
    ) -> Option<Sentence<'a>> {
        let dicts = coder.dictionaries();
        let scratch = &mut workspace.text;
        coder.lexicon().lex_into(text, span, scratch);
        // The keys of the norm and the context-free lemma are known before
        // tagging (one probe per distinct key: they are mostly equal); the
        // lemma in context is filled in after it. The skip reads them too.
        let mut keys = recycle(std::mem::take(&mut workspace.keys));
        keys.extend((0..scratch.len()).map(|i| {
            // A word the lexicon knows has its keys in the dictionaries'
            // table by word id: no hashing. A common word's context-free
            // lemma is the lexicon's, so its whole row is in the table.
            let common = scratch.is_common_word(i);
            let word = scratch.word(i);
            if let Some(row) = word.filter(|_| common).and_then(|w| dicts.word_key_row(w)) {
                return row;
            }
            let norm = scratch.norm(i);
            let n = word.and_then(|w| dicts.word_key_ids(w)).map_or_else(|| dicts.key_id(norm), |[n, _]| n);
            // Read from the lexicon entry only here (lazily).
            let cf = context_free_lemma(norm, scratch.lemma(i), common);
            // `cf` is the norm itself, a prefix of it or a lemma that is
            // not the norm: the same slice means the same string.
            let c = if std::ptr::eq(cf, norm) { n } else { dicts.key_id(cf) };
            dicts.key_row([n.0, n.0, c.0], [n.1, n.1, c.1])
        }));
        // A sentence over the token limit is reported (grammar.rs): not skipped.
        if may_skip && keys.len() <= MAX_SENTENCE_TOKENS && skip::inert(dicts, scratch, &keys) {
            workspace.keys = recycle(keys);
            return None;
        }
        let mut tokens = std::mem::take(&mut workspace.tokens);
        coder.lexicon().tag_into(span, scratch, &mut tokens);
        // The row's lemma key is the norm's until the tagger chose another
        // lemma; the tagger says when it chose the context-free one.
        for (i, ((row, t), kind)) in keys.iter_mut().zip(&tokens).zip(scratch.lemma_kinds()).enumerate() {
            if kind == LemmaKind::Norm {
                continue;
            }
            let ([n, _, c], Some([ni, _, ci])) = (**row, row.ids()) else { continue };
            let lemma = match kind {
                LemmaKind::ContextFree => (c, ci),
                _ => {
                    let cf = context_free_lemma(&t.norm, scratch.lemma(i), scratch.is_common_word(i));
                    if t.lemma == cf {
                        (c, ci)
                    } else {
                        dicts.key_id(&t.lemma)
                    }
                }
            };
            *row = dicts.key_row([n, lemma.0, c], [ni, lemma.1, ci]);
        }
        // Tokens with a letter, and those in capitals.
        let (words, upper) = scratch.letter_counts();
        let all_caps = words >= 3 && upper * 10 >= words * 6;
        Some(Sentence { text, span, tokens, keys, all_caps, home: workspace })
    }

    /// The keys token `i` may match a dictionary word under: its normalised
    /// form, its lemma in context and its context-free lemma, each `""`
    /// when no dictionary uses it (see `Dictionaries::key`); derefs to the
    /// three strings. Lent, not copied: the tries read it at every token.
    #[inline]
    pub fn keys(&self, i: usize) -> &KeyRow<'a> {
        self.keys.get(i).unwrap_or(&KeyRow::EMPTY)
    }

    /// Every token's key row (see [`Sentence::keys`]), in order.
    pub(crate) fn key_rows(&self) -> &[KeyRow<'a>] {
        &self.keys
    }

    /// Whether token `i` can anchor an event pattern of `index` (any of its
    /// keys): the trigger test of the early skip, and the verb test of a
    /// Title Case headline.
    pub fn can_anchor(&self, i: usize, index: &dyad_dict::PatternIndex) -> bool {
        let row = self.keys(i);
        // The row's bits settle most tokens without hashing a key; they
        // come from the dictionaries `index` belongs to.
        row.may_anchor() && row.iter().any(|k| !k.is_empty() && index.is_anchor(k))
    }

    /// Every pattern match in `input` (a view of this sentence), with the
    /// worker's buffers.
    pub fn find_patterns(&self, dicts: &dyad_dict::Dictionaries, input: &dyn PatternInput) -> Vec<PatternMatch> {
        dicts.find_patterns_with(input, &mut self.home.patterns.borrow_mut())
    }

    /// Document span from the first byte of token `start` to the last of `end - 1`.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        if start >= end || end > self.tokens.len() {
            return Span::new(self.span.start, self.span.start);
        }
        self.tokens[start].span.cover(self.tokens[end - 1].span)
    }
}

impl Sentence<'_> {
    /// Keeps only the first `n` tokens.
    pub fn truncate(&mut self, n: usize) {
        self.tokens.truncate(n);
        self.keys.truncate(n);
    }
}

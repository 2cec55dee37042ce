//! Sentences that cannot matter, told before they are tagged.
//!
//! Every event needs a pattern, and a pattern starts at an anchor word; every
//! actor mention starts with a word some actor or agent phrase starts with.
//! A sentence after the first none of whose words can be either yields no
//! event, and it teaches the document nothing either: what `resolve` learns
//! (names, the last pair, which Congo or Korea) comes from the sentence's
//! mentions, and the dateline only from the first sentence. So such a
//! sentence is dropped after the lexicon lookup and before the tagger, the
//! dictionary keys and the grammar. About one sentence in five of wire
//! copy is of this kind (figures, datelines, closing lines).
//!
//! The tagger has not run yet, so a word's lemma in context is not known:
//! every lemma it may choose ([`dyad_text::Scratch::readings`]) is looked
//! at. Words with a hyphen are never skipped: the mention finder looks
//! inside them (`Saudi-led`, `pro-Kremlin`, `French-Algerian`).

use dyad_dict::{Dictionaries, KeyRow, TokenKeys};
use dyad_text::Scratch;

use crate::sentence::context_free_lemma;

/// Whether the sentence `scratch` holds (after `Lexicon::lex_into`) has no
/// word that may anchor a pattern or start an actor or agent phrase under
/// any of its keys: `keys` holds, per token, the keys of its normalised
/// form and context-free lemma (first and third), and any lemma the tagger
/// may choose is looked up here.
pub(crate) fn inert(dicts: &Dictionaries, scratch: &Scratch, keys: &[KeyRow<'_>]) -> bool {
    keys.iter().enumerate().all(|(i, row)| {
        let norm = scratch.norm(i);
        let ([n, _, c], Some([ni, _, ci])) = (**row, row.ids()) else { return false };
        // The row's bits say it for the norm and the context-free lemma.
        let opens = dicts.row_opens(row).unwrap_or_else(|| dicts.opens(n, ni) || dicts.opens(c, ci));
        if norm.contains('-') || opens {
            return false;
        }
        let cf = context_free_lemma(norm, scratch.lemma(i), scratch.is_common_word(i));
        let mut any = false;
        scratch.readings(i, |lemma| {
            if !any && lemma != norm && lemma != cf {
                let (key, id) = dicts.key_id(lemma);
                any = dicts.opens(key, id);
            }
        });
        !any
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use dyad_core::{Document, Span};
    use dyad_dict::DictionariesBuilder;
    use dyad_text::Lexicon;

    use crate::sentence::Sentence;
    use crate::{mentions, Coder, Workspace};

    fn coder() -> Coder {
        let lexicon = Arc::new(Lexicon::english());
        let mut b = DictionariesBuilder::new();
        b.add_source("t.actors", "Freedonia = FRD\nSylvania = SYL\n")
            .add_source("t.agents", "minister = GOV\n")
            .add_source("t.events", "meet = 040\n");
        let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        Coder::builder(Arc::new(dicts), lexicon).build()
    }

    /// Whether `Sentence::new` skips the sentence at `span` of `text`, as
    /// it does for a sentence after the first.
    fn skipped(coder: &Coder, text: &str, span: Span, ws: &mut Workspace) -> bool {
        Sentence::new(coder, text, span, ws, true).is_none()
    }

    fn check(coder: &Coder, sentence: &str, expect_inert: bool) {
        let mut ws = Workspace::default();
        let got = skipped(coder, sentence, Span::new(0, sentence.len()), &mut ws);
        assert_eq!(got, expect_inert, "sentence: {sentence}");
    }

    #[test]
    fn a_sentence_is_inert_when_no_key_opens_a_pattern_or_phrase() {
        let coder = coder();
        for (sentence, expect) in [
            ("It rained all day in the hills.", true),
            ("Shares closed 2 pct higher at 1,200.", true),
            // An actor's name, an agent's lemma (`ministers`), an anchor
            // known only by its lemma in context (`met`).
            ("Freedonia won the cup.", false),
            ("The ministers left early.", false),
            ("They met on Tuesday.", false),
            // Inside a hyphenated word: `pro-Freedonia`.
            ("A pro-Freedonia rally was held.", false),
        ] {
            check(&coder, sentence, expect);
        }
    }

    /// With a stem at the root of the actor trie, a dictionary word that
    /// starts no phrase (`nations` of `united nations`) opens nothing,
    /// while a word the stem leads does.
    #[test]
    fn a_root_stem_opens_only_the_words_it_leads() {
        let lexicon = Arc::new(Lexicon::english());
        let mut b = DictionariesBuilder::new();
        b.add_source(
            "t.actors",
            "freedon* = FRD
united nations = IGOUNO
",
        )
        .add_source(
            "t.agents",
            "minister = GOV
",
        )
        .add_source(
            "t.events",
            "meet = 040
",
        );
        let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let coder = Coder::builder(Arc::new(dicts), lexicon).build();
        for (sentence, expect) in [
            ("Many nations stayed away.", true),
            ("Freedonian envoys stayed away.", false),
            ("The United Nations stayed away.", false),
        ] {
            check(&coder, sentence, expect);
        }
    }

    /// Sentences of the documents given, and when `../shared` is there, of
    /// the first Reuters stories, coded with the default dictionaries.
    fn texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "Freedonia and Sylvania signed a trade pact. The two sides met again on Friday. Markets were calm.",
            "Foreign Minister Ana Varga of Freedonia arrived on Monday. Varga said little. Prices rose 3 pct.",
            "Seoul said talks would resume. Korea rejected the offer. The figures were revised.",
        ]
        .map(String::from)
        .to_vec();
        let shared = std::env::var("DYAD_SHARED").unwrap_or_else(|_| "../../../shared".to_string());
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(shared).join("corpus/reuters21578.jsonl");
        match std::fs::read_to_string(&corpus) {
            Ok(lines) => texts.extend(lines.lines().take(2000).filter_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).ok()?;
                Some(v.get("text")?.as_str()?.to_string())
            })),
            Err(_) => eprintln!("{} not found: checking the built-in documents only", corpus.display()),
        }
        texts
    }

    /// The skip is exact: every sentence called inert, analysed in full,
    /// has no mention and no key that anchors a pattern (so `code_sentence`
    /// would have returned before coding it or learning from it).
    #[test]
    fn inert_sentences_have_no_mention_and_no_anchor() {
        let lexicon = Arc::new(Lexicon::english());
        let dicts = DictionariesBuilder::new().with_defaults().build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let coder = Coder::builder(Arc::new(dicts), lexicon).build();
        let (mut inert, mut total) = (0, 0);
        let mut ws = Workspace::default();
        for text in texts() {
            let doc = Document::new("d", text.as_str());
            for span in dyad_text::sentences(&doc.text) {
                total += 1;
                if !skipped(&coder, &doc.text, span, &mut ws) {
                    continue;
                }
                inert += 1;
                let s = Sentence::new(&coder, &doc.text, span, &mut ws, false).unwrap_or_else(|| unreachable!());
                assert!(mentions::find(&s, coder.dictionaries(), None).is_empty(), "{}", span.slice(&doc.text));
                let index = coder.dictionaries().pattern_index();
                let anchor = (0..s.tokens.len()).any(|i| s.can_anchor(i, index));
                assert!(!anchor, "{}", span.slice(&doc.text));
            }
        }
        // The built-in documents' closing sentences are inert.
        assert!(inert >= 3 && inert < total, "{inert} of {total} sentences inert");
    }

    /// A recycled key vector keeps its memory.
    #[test]
    fn recycled_keys_keep_their_capacity() {
        let keys: Vec<dyad_dict::KeyRow<'_>> = Vec::with_capacity(100);
        let again: Vec<dyad_dict::KeyRow<'static>> = crate::sentence::recycle(keys);
        assert!(again.is_empty() && again.capacity() >= 100);
    }
}

//! Pattern constructs of dyad's format: stems (`word*`) and the long gap
//! (`...`). Data-driven: each case is a pattern, a sentence, and whether it
//! matches. The sentences are made up for these tests.

use dyad_core::Span;
use dyad_dict::{DictionariesBuilder, PatternInput};
use dyad_text::Lexicon;

/// A sentence analysed with the lexicon; actors are capitalised words.
struct Sentence {
    norms: Vec<String>,
    lemmas: Vec<String>,
    actor: Vec<bool>,
    verb: Vec<bool>,
}

impl Sentence {
    fn new(lexicon: &Lexicon, text: &str) -> Sentence {
        let toks = lexicon.analyze(text, Span::new(0, text.len()));
        Sentence {
            norms: toks.iter().map(|t| t.norm.to_string()).collect(),
            lemmas: toks.iter().map(|t| lexicon.lemma(&t.norm).to_string()).collect(),
            actor: toks.iter().map(|t| text[t.span.start..t.span.end].starts_with(char::is_uppercase)).collect(),
            verb: toks.iter().map(|t| t.tag.is_verb()).collect(),
        }
    }
}

impl PatternInput for Sentence {
    fn len(&self) -> usize {
        self.norms.len()
    }
    fn keys(&self, i: usize) -> [&str; 3] {
        [&self.norms[i], &self.lemmas[i], ""]
    }
    fn actor_from(&self, i: usize) -> Option<usize> {
        self.actor.get(i).copied().unwrap_or(false).then_some(i + 1)
    }
    fn actor_until(&self, end: usize) -> Option<usize> {
        (end > 0 && self.actor[end - 1]).then(|| end - 1)
    }
    fn skippable(&self, i: usize) -> bool {
        !matches!(self.norms[i].as_str(), "." | ";" | ":")
    }
    fn is_verb(&self, i: usize) -> bool {
        self.verb[i]
    }
    fn gap_unit_end(&self, i: usize) -> usize {
        // As the coder does: an amount (`$1.5 billion`) is one gap step.
        let amount =
            |n: &str| n == "$" || n == "million" || n == "billion" || n.starts_with(|c: char| c.is_ascii_digit());
        let run = self.norms[i..].iter().take_while(|n| amount(n)).count();
        i + run.max(1)
    }
}

fn matches(pattern: &str, text: &str) -> bool {
    let lexicon = Lexicon::english();
    let mut b = DictionariesBuilder::new();
    b.add_source("t.events", &format!("{pattern} = 040\n"));
    let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    !dicts.find_patterns(&Sentence::new(&lexicon, text)).is_empty()
}

/// Asserts each `(pattern, sentence, matches)` case.
fn check(cases: &[(&str, &str, bool)]) {
    for &(pattern, text, want) in cases {
        assert_eq!(matches(pattern, text), want, "`{pattern}` on `{text}`");
    }
}

#[test]
fn stems_match_by_prefix() {
    let cases = [
        ("parley*", "they parleyed at dawn", true),
        ("parley*", "the parleying went on", true),
        ("parley*", "a parle at dawn", false),
        ("hold parl*", "both held parleys", true),
        ("hold parl*", "both held talks", false),
        ("sign trea*_accord*", "they signed a treaty accord", false),
        ("sign .. trea*_accord*", "they signed a treaty accordingly", true),
        ("[grand*] parley", "a grandiose parley", true),
        ("shak*|wav* hands", "they waved hands", true),
    ];
    check(&cases);
}

#[test]
fn long_gap_spans_any_number_of_skippable_tokens() {
    let cases = [
        ("parley ... accord", "we parley about the long and winding road to an accord", true),
        ("parley .. accord", "we parley about the long and winding road to an accord", false),
        ("parley ... accord", "we parley about the road; an accord", false),
        ("parley ... {target}", "we parley with the ever so distant Ruritania", true),
        ("{source} ... parley", "Ruritania and its many friends parley", true),
    ];
    check(&cases);
}

/// Asserts that the one-line events file `line` is rejected, at line 1.
fn rejected(lexicon: &Lexicon, line: &str) {
    let mut b = DictionariesBuilder::new();
    b.add_source("t.events", &format!("{line}\n"));
    let diags = b.check(lexicon);
    assert_eq!(diags.len(), 1, "`{line}` should be rejected: {diags:?}");
    assert_eq!(diags[0].line, 1);
}

#[test]
fn invalid_stems_and_gaps_are_reported() {
    let lexicon = Lexicon::english();
    for bad in ["parl*ey", "*", "... parley", "parley ...", "par**"] {
        rejected(&lexicon, &format!("{bad} = 040"));
    }
}

#[test]
fn long_gaps_stay_bounded_on_long_sentences() {
    // Many gaps over a long sentence that never completes: the matcher's
    // step budget keeps this finite (it must simply return no match).
    let text = vec!["word"; 400].join(" ");
    assert!(!matches("word ... word ... word ... word ... word ... nothing", &text));
}

#[test]
fn actor_element_passes_over_an_actor() {
    // `{actor}` needs an actor there, before or after the anchor, and takes
    // no role: the target is the next actor.
    let cases = [
        ("warn at {actor} ... {target}", "they warned at Ruritania of Freedonia", true),
        ("warn at {actor} ... {target}", "they warned at Ruritania", false),
        ("warn at {actor}", "they warned at the border", false),
        ("{actor} ... warn", "Ruritania warned", true),
        ("{actor} ... warn", "they warned", false),
    ];
    check(&cases);
    let lexicon = Lexicon::english();
    let mut b = DictionariesBuilder::new();
    b.add_source("t.events", "warn at {actor} ... {target} = 040\n");
    let dicts = b.build(&lexicon).expect("valid");
    let found = dicts.find_patterns(&Sentence::new(&lexicon, "they warned at Ruritania of Freedonia"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].target, Some((5, 6)));
    assert_eq!(found[0].source, None);
}

#[test]
fn no_event_code_parses_and_matches() {
    let lexicon = Lexicon::english();
    let mut b = DictionariesBuilder::new();
    b.add_source("t.events", "parley = 040\nparley .. criteria = ---\n");
    let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
    let [plain, none] = dicts.patterns() else { panic!("two patterns") };
    assert!(!plain.no_event && none.no_event);
    assert_eq!((plain.code_text(), none.code_text()), ("040", "---"));
    // The no-event pattern matches like any other (the coder drops it).
    let found = dicts.find_patterns(&Sentence::new(&lexicon, "they parleyed the criteria"));
    assert_eq!(found.iter().map(|m| m.pattern).collect::<Vec<_>>(), vec![0, 1]);
    // A pattern is written once per file, whatever its code.
    let mut b = DictionariesBuilder::new();
    b.add_source("t.events", "parley about = 040\nparley about = ---\n");
    let diags = b.check(&lexicon);
    assert_eq!(diags.iter().map(|d| d.line).collect::<Vec<_>>(), vec![2], "{diags:?}");
}

#[test]
fn no_event_overrides_a_pattern_of_an_earlier_file() {
    let lexicon = Lexicon::english();
    let mut b = DictionariesBuilder::new();
    b.add_source("a.events", "parley about = 040\n").add_source("b.events", "parley about = ---\n");
    let dicts = b.build(&lexicon).unwrap_or_else(|e| panic!("{e}"));
    let [only] = dicts.patterns() else { panic!("the later file replaces the pattern") };
    assert!(only.no_event);
}

#[test]
fn malformed_no_event_codes_are_reported() {
    let lexicon = Lexicon::english();
    for bad in ["--", "----", "-", "000", "--- 040"] {
        rejected(&lexicon, &format!("parley = {bad}"));
    }
}

#[test]
fn groups_alternate_phrases_of_several_words() {
    let cases = [
        ("(hold talks|meet with) {target}", "they held talks Ruritania", true),
        ("(hold talks|meet with) {target}", "they met with Ruritania", true),
        ("(hold talks|meet with) {target}", "they held with Ruritania", false),
        ("(hold talks|meet with) {target}", "they met talks Ruritania", false),
        ("parley [in the|at] capital", "we parley in the capital", true),
        ("parley [in the|at] capital", "we parley at capital", true),
        ("parley [in the|at] capital", "we parley capital", true),
        ("parley [in the|at] capital", "we parley in capital", false),
    ];
    check(&cases);
    let lexicon = Lexicon::english();
    for bad in ["(hold talks|meet", "hold talks)", "(a (b c))", "(hold &x|meet)", "hold ()"] {
        rejected(&lexicon, &format!("{bad} = 040"));
    }
}

#[test]
fn verb_marked_words_match_verbs_only() {
    let cases = [
        ("report:v", "the ministry reported an attack", true),
        ("report:v", "the ministry reports an attack", true),
        ("report:v", "a new report said so", false),
        ("report:v", "reports of shelling came in", false),
        ("report", "a new report said so", true),
        ("(call on|urge):v {target}", "they called on Ruritania", true),
        ("(call on|urge):v {target}", "the calls on Ruritania", false),
        // An optional marked word is absent or a verb ("then" is an adverb).
        ("they [then]:v report", "they report", true),
        ("they [then]:v report", "they then report", false),
        ("they .. report:v", "they said the report", false),
        ("they .. report:v", "they will report", true),
    ];
    check(&cases);
}

#[test]
fn misplaced_verb_marks_are_reported() {
    let lexicon = Lexicon::english();
    for bad in [
        "{target}:v parley",
        "parley ..:v accord",
        "parley :v",
        "parley|report:v|say",
        "[parley:v] accord",
        "(hold:v talks|meet)",
    ] {
        rejected(&lexicon, &format!("{bad} = 040"));
    }
}

#[test]
fn gaps_pass_over_an_amount_as_one_unit() {
    let cases = [
        // Forward from the anchor: `$1.5 billion in aid` is three units.
        ("bestow .. to {target}", "they bestow $1.5 billion in aid to Freedonia", true),
        ("bestow .. to {target}", "they bestow 300 million in new aid to Freedonia", false),
        ("bestow .. to {target}", "they bestow some old and new aid to Freedonia", false),
        // Backward from the anchor, the same budget.
        ("{source} .. bestowed", "Freedonia with $2 billion more bestowed", true),
        ("{source} .. bestowed", "Freedonia with 40 million more bestowed", true),
        ("{source} .. bestowed", "Freedonia with some more bonds bestowed", false),
    ];
    check(&cases);
}

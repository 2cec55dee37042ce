//! PETRARCH: verb dictionaries (`CAMEO.2.0.txt`, `CAMEO.verbpatterns.*`,
//! `PETR.Validate.verbs.txt`), Phoenix-style actors and agents, discards,
//! issues, and the XML validation records.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use dyad_text::Lexicon;

use crate::convert::ActorCodes;
use crate::tabari::{
    convert_actors, convert_agents, emit_verbs, join_underscores, read_lossy, split_code, SynSets, VerbEntry,
};
use crate::xml::{decode, pieces, Piece};
use crate::{date_yymmdd, lower_words, AgentCode, Converted, ExpectedEvent, PeerDiagnostic, Suite, SuiteRecord};

/// The dictionary files of a PETRARCH set, by role, with their text.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {
    /// Verb dictionaries.
    pub verbs: Vec<(String, String)>,
    /// Actor dictionaries.
    pub actors: Vec<(String, String)>,
    /// Agent dictionaries.
    pub agents: Vec<(String, String)>,
    /// Discard lists.
    pub discards: Vec<(String, String)>,
    /// Issue lists.
    pub issues: Vec<(String, String)>,
}

/// The `<Environment>` of a validation file: dictionary file names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// `<Verbfile>`.
    pub verbs: Vec<String>,
    /// `<Actorfile>` (comma-separated in the file).
    pub actors: Vec<String>,
    /// `<Agentfile>`.
    pub agents: Vec<String>,
    /// `<Discardfile>`.
    pub discards: Vec<String>,
}

/// Reads the `<Environment>` of a PETRARCH validation file.
pub fn environment(xml: &str) -> Environment {
    let mut env = Environment::default();
    let ps = pieces(xml);
    for (i, p) in ps.iter().enumerate() {
        let Piece::Open(name, _, false) = p else { continue };
        let Some(Piece::Text(value)) = ps.get(i + 1) else { continue };
        let values: Vec<String> = value.split(',').map(|v| decode(v.trim())).filter(|v| !v.is_empty()).collect();
        match *name {
            "Verbfile" => env.verbs.extend(values),
            "Actorfile" => env.actors.extend(values),
            "Agentfile" => env.agents.extend(values),
            "Discardfile" => env.discards.extend(values),
            _ => {}
        }
    }
    env
}

impl Dictionaries {
    /// Reads the files an `<Environment>` names, relative to `dir`.
    pub fn from_environment(env: &Environment, dir: &Path) -> std::io::Result<Dictionaries> {
        let read = |names: &[String]| -> std::io::Result<Vec<(String, String)>> {
            names
                .iter()
                .map(|n| {
                    read_lossy(&dir.join(n))
                        .map(|t| (n.clone(), t))
                        .map_err(|e| std::io::Error::new(e.kind(), format!("{n}: {e}")))
                })
                .collect()
        };
        Ok(Dictionaries {
            verbs: read(&env.verbs)?,
            actors: read(&env.actors)?,
            agents: read(&env.agents)?,
            discards: read(&env.discards)?,
            issues: Vec::new(),
        })
    }

    /// Reads a PETRARCH dictionary directory by file names: `*.verbpatterns*`
    /// or `CAMEO.*.txt` or `*verbs*` (verbs), `*.actors*`, `*agents*`,
    /// `*discards*`, `*Issue*`. Other files are ignored.
    pub fn from_dir(dir: &Path) -> std::io::Result<Dictionaries> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut d = Dictionaries::default();
        for path in paths {
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
            let lower = name.to_lowercase();
            let slot = if lower.contains("actors") {
                &mut d.actors
            } else if lower.contains("agents") {
                &mut d.agents
            } else if lower.contains("discards") {
                &mut d.discards
            } else if lower.contains("issue") {
                &mut d.issues
            } else if lower.contains("verbpatterns") || lower.contains("verbs") || lower.starts_with("cameo.") {
                &mut d.verbs
            } else {
                continue;
            };
            slot.push((name, read_lossy(&path)?));
        }
        // A directory with both a CAMEO.2.0 and a verbpatterns file holds two
        // editions of the same dictionary: use the newest-looking one only.
        if d.verbs.len() > 1 {
            if let Some(pos) = d.verbs.iter().position(|(n, _)| n.contains("2.0")) {
                let keep = d.verbs.swap_remove(pos);
                d.verbs = vec![keep];
            }
        }
        Ok(d)
    }

    /// Converts everything into dyad sources.
    pub fn convert(&self, lexicon: &Lexicon) -> Converted {
        let mut conv = Converted::default();
        conv.tables.petrarch_parse = true;
        let mut codes = ActorCodes::default();
        for (name, text) in &self.actors {
            convert_actors(&mut conv, &mut codes, name, text, '#', None);
        }
        for (name, text) in &self.agents {
            convert_agents(&mut conv, name, &expand_substitutions(text), '#');
        }
        stack_agents(&mut conv);
        for (name, text) in &self.verbs {
            convert_verbs(&mut conv, lexicon, name, text);
        }
        for (name, text) in &self.discards {
            convert_discards(&mut conv, name, text);
        }
        for (name, text) in &self.issues {
            let n = text.lines().filter(|l| l.contains('[') && !l.trim_start().starts_with('#')).count();
            conv.diag(name, 0, "issues-not-supported", format!("{n} issue phrases: dyad does not code issues"));
        }
        conv
    }
}

/// Tables every converted agent line with its peer code (the side table's
/// for codes dyad's sectors cannot carry, else its sector), for
/// [`crate::PeerTables::stacked_agents`].
fn stack_agents(conv: &mut Converted) {
    let mut all = Vec::new();
    for (name, text) in conv.sources.iter().filter(|(n, _)| n.ends_with(".agents")) {
        for (i, line) in text.lines().enumerate() {
            let n = i as u32 + 1;
            let Some((phrase, rest)) = line.split_once(" = ") else { continue };
            let Some(sector) = rest.split_whitespace().next() else { continue };
            let tabled = conv.tables.agent_codes.iter().find(|a| a.line.0 == *name && a.line.1 == n);
            all.push(tabled.cloned().unwrap_or_else(|| AgentCode {
                words: phrase.split_whitespace().map(str::to_string).collect(),
                sector: sector.to_string(),
                peer: sector.to_string(),
                prefix: false,
                line: (name.clone(), n),
                standin: false,
            }));
        }
    }
    conv.tables.stacked_agents = all;
}

/// Converts a PETRARCH verbs dictionary: `--- VERB [CODE] ---` blocks of verbs
/// (`WORD {FORMS}`, `PRE_+VERB_POST [CODE]` phrases) sharing `- PATTERN [CODE]`
/// lines, and `&SET` / `+member` synonym sets anywhere.
pub(crate) fn convert_verbs(conv: &mut Converted, lexicon: &Lexicon, file: &str, text: &str) {
    let mut syns = SynSets::new();
    let mut verbs: Vec<VerbEntry> = Vec::new();
    // Index in `verbs` of the current block's entry (holds the patterns).
    let mut block: Option<usize> = None;
    let mut current_set: Option<String> = None;
    let mut in_comment = false;
    // Multi-word verbs of a block (entry index, block index): PETRARCH gives
    // them the block's patterns too (`BREAK_DOWN` with `- * TREATY`).
    let mut phrases: Vec<(usize, usize)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        let t = raw.split_once('#').map_or(raw, |(a, _)| a).trim();
        if in_comment || t.starts_with("<!") {
            in_comment = !raw.contains("-->");
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if let Some(h) = t.strip_prefix("---") {
            current_set = None;
            let h = h.trim().trim_end_matches('-').trim();
            let Some((word, code)) = split_code(h) else {
                conv.diag(file, line_no, "verb-without-code", format!("`{t}`"));
                block = None;
                continue;
            };
            let _ = word;
            verbs.push(VerbEntry { code: code.to_string(), line: line_no, ..VerbEntry::default() });
            block = Some(verbs.len() - 1);
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("").trim_matches('_').to_uppercase();
            syns.entry(name.clone()).or_default();
            current_set = Some(name);
            continue;
        }
        if let (Some(m), Some(set)) = (t.strip_prefix('+'), &current_set) {
            if let Some(v) = syns.get_mut(set) {
                v.push(m.trim().to_string());
            }
            continue;
        }
        current_set = None;
        if let Some(p) = t.strip_prefix('-') {
            let Some((pattern, code)) = split_code(p) else {
                conv.diag(file, line_no, "pattern-without-code", format!("`{t}`"));
                continue;
            };
            // PETRARCH does not implement TABARI's complex code `[+++]`: the
            // pattern is passed over and the verb's other patterns code.
            if code.trim() == "+++" {
                conv.diag(file, line_no, "complex-code-pattern", format!("`{t}` not used, as in PETRARCH"));
                continue;
            }
            match block {
                Some(b) => verbs[b].patterns.push((skips_before_words(pattern), code.to_string(), line_no)),
                None => conv.diag(file, line_no, "orphan-pattern", "pattern outside a verb block"),
            }
            continue;
        }
        let Some(b) = block else {
            conv.diag(file, line_no, "orphan-verb", format!("`{t}` outside a verb block"));
            continue;
        };
        // A verb line: WORD {FORMS} [CODE], or a phrase with `+` on the verb.
        let (body, own_code) = match split_code(t) {
            Some((body, code)) => (body, Some(code)),
            None => (t, None),
        };
        let (word_part, forms) = match body.find('{') {
            Some(p) => (&body[..p], body[p + 1..].trim_end().trim_end_matches('}')),
            None => (body, ""),
        };
        let word_part = word_part.trim();
        let words: Vec<&str> = word_part.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
        if words.len() > 1 || word_part.contains('+') {
            // Multi-word verb: a bare pattern of its own, words adjacent.
            let phrase: Vec<String> = words.iter().map(|w| w.trim_start_matches('+').to_string()).collect();
            let code = own_code.unwrap_or(verbs[b].code.as_str()).to_string();
            verbs.push(VerbEntry { words: vec![phrase.join("_")], code, line: line_no, ..VerbEntry::default() });
            phrases.push((verbs.len() - 1, b));
            continue;
        }
        let Some(word) = words.first() else { continue };
        if let Some(code) = own_code.filter(|c| *c != verbs[b].code) {
            verbs.push(VerbEntry {
                words: vec![word.to_string()],
                code: code.to_string(),
                line: line_no,
                ..Default::default()
            });
        }
        let entry = &mut verbs[b];
        if entry.words.is_empty() {
            entry.words.push(word.to_string());
        } else {
            entry.forms.push(word.to_string());
        }
        entry.forms.extend(forms.split_whitespace().map(str::to_string));
    }
    for (entry, b) in phrases {
        let patterns = verbs[b].patterns.clone();
        verbs[entry].patterns.extend(patterns);
    }
    // Multi-word verb entries hold `A_B_C` as one word: split it back.
    for v in &mut verbs {
        if v.words.len() == 1 && v.words[0].contains('_') {
            v.words = v.words[0].split('_').map(str::to_string).collect();
        }
    }
    let events = emit_verbs(conv, lexicon, file, &syns, &verbs, false);
    written_words_only(conv, lexicon, events);
    inflected_verbs_by_letters(conv, lexicon, events);
}

/// PETRARCH finds a verb by its written forms: `MET` matches "met", not
/// "meet", which is `MEET`'s. A verb written as an inflected form (its
/// lemma another word) becomes a dyad stem, which matches by its letters
/// (as TABARI's inflected stems), so the base word's block codes the base.
/// `at` indexes the `.events` source in `conv.sources`.
fn inflected_verbs_by_letters(conv: &mut Converted, lexicon: &Lexicon, at: usize) {
    let name = conv.sources[at].0.clone();
    let mut out = String::with_capacity(conv.sources[at].1.len());
    for (i, l) in conv.sources[at].1.lines().enumerate() {
        let forms = conv.tables.verb_forms.get(&(name.clone(), i as u32 + 1));
        let inflected = forms.and_then(|f| match f.as_slice() {
            [w] if w.chars().all(|c| c.is_ascii_lowercase())
                && lexicon.is_common_word(w)
                && lexicon.lemma(w) != w.as_str() =>
            {
                Some(w.as_str())
            }
            _ => None,
        });
        match (inflected, l.split_once(" = ")) {
            (Some(w), Some((lhs, rest))) => {
                let lhs: Vec<String> =
                    lhs.split_whitespace().map(|e| if e == w { format!("{w}*") } else { e.to_string() }).collect();
                out.push_str(&format!("{} = {rest}", lhs.join(" ")));
            }
            _ => out.push_str(l),
        }
        out.push('\n');
    }
    conv.sources[at].1 = out;
}

/// PETRARCH compares a pattern's words as written (`- * EFFORT` does not
/// match "efforts"), where dyad matches lemmas. For each plain word of a
/// pattern other than the verb, a pattern with the word's other forms in
/// its place is added after the others, coded as the verb alone: at equal
/// trigger and weight the later line wins, so "abandoned efforts" codes the
/// verb's own code, as when PETRARCH finds no pattern. `at` indexes the
/// `.events` source in `conv.sources`.
fn written_words_only(conv: &mut Converted, lexicon: &Lexicon, at: usize) {
    let name = conv.sources[at].0.clone();
    let mut text = std::mem::take(&mut conv.sources[at].1);
    let plain = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
    // Each line: its number, pattern, dyad code and comment.
    let lines: Vec<(u32, String, String, String)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let (body, comment) = l.split_once('#').unwrap_or((l, ""));
            let (lhs, code) = body.split_once(" = ")?;
            Some((i as u32 + 1, lhs.trim().to_string(), code.trim().to_string(), comment.trim().to_string()))
        })
        .collect();
    // Only the lemmas of the patterns' words are mapped: mapping every
    // lemma of the lexicon took about 5 ms a verbs file.
    let wanted: HashSet<&str> = lines
        .iter()
        .flat_map(|(_, lhs, _, _)| lhs.split_whitespace())
        .filter(|e| plain(e))
        .map(|e| lexicon.lemma(e))
        .collect();
    let mut forms_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for id in 0..lexicon.word_count() as u32 {
        let Some(f) = lexicon.form(id).filter(|f| plain(f)) else { continue };
        let lemma = lexicon.lemma(f);
        if wanted.contains(lemma) {
            forms_of.entry(lemma).or_default().push(f);
        }
    }
    // The first line of each pattern, for the verb's bare line.
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, (_, lhs, _, _)) in lines.iter().enumerate() {
        first.entry(lhs.as_str()).or_insert(i);
    }
    let mut line = text.lines().count() as u32;
    for (n, lhs, _, comment) in &lines {
        let key = (name.clone(), *n);
        let Some(forms) = conv.tables.verb_forms.get(&key).cloned() else { continue };
        let verb = forms.join("|");
        // The verb alone: its bare line, else (a `[---]` block) no event.
        let bare = first.get(verb.as_str()).map(|&i| &lines[i]);
        let (code, peer) = match bare {
            Some((b, _, c, _)) => (c.clone(), conv.tables.events.get(&(name.clone(), *b)).cloned()),
            None => (dyad_dict::NO_EVENT.to_string(), Some(crate::PeerCode::Null)),
        };
        let Some(peer) = peer else { continue };
        let elems: Vec<&str> = lhs.split_whitespace().collect();
        for (i, e) in elems.iter().enumerate() {
            if *e == verb || !plain(e) || forms.iter().any(|f| f == e) {
                continue;
            }
            // Other forms dyad's lemma match accepts that add an ending to the
            // word (`efforts`), as prefixes of the text's words (`efforts*`):
            // a stem also matches by lemma, so a shorter or irregular form
            // (`be` for `was`) would take the written word itself too.
            let others: Vec<String> = forms_of
                .get(lexicon.lemma(e))
                .into_iter()
                .flatten()
                .filter(|f| f.len() > e.len() && f.starts_with(*e))
                .map(|f| format!("{f}*"))
                .collect();
            if others.is_empty() {
                continue;
            }
            let mut variant = elems.clone();
            let alts = others.join("|");
            variant[i] = &alts;
            text.push_str(&format!("{} = {code}  # {comment}\n", variant.join(" ")));
            line += 1;
            conv.tables.events.insert((name.clone(), line), peer.clone());
            conv.tables.verb_forms.insert((name.clone(), line), forms.clone());
            conv.tables.form_variants.insert((name.clone(), line));
        }
    }
    conv.sources[at].1 = text;
}

/// PETRARCH's `^` skips a noun phrase whether or not it names an actor
/// (`- * THEIR ^ ABOUT +` for "warned their populations about"). Before a
/// word of the pattern (or the verb), which marks where the phrase ends, it
/// is left out, so the space there is a plain gap; before a slot or another
/// `^` it stays, and the converter makes it an actor the slot passes over.
fn skips_before_words(pattern: &str) -> String {
    let words: Vec<&str> = pattern.split_whitespace().collect();
    let slot = |w: &&str| w.starts_with(['+', '$', '%', '^']);
    let kept = words.iter().enumerate().filter(|&(i, w)| *w != "^" || words.get(i + 1).is_none_or(slot));
    kept.map(|(_, w)| *w).collect::<Vec<_>>().join(" ")
}

/// Words the parser reads as a time noun phrase (`NP-TMP`), not an object,
/// besides the weekdays.
const TIME_WORDS: &[&str] = &["today", "yesterday", "tomorrow", "tonight"];

/// Whether `w` (lower case) is a time word or a weekday's full name.
fn time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || (w.len() > 5 && w.parse::<chrono::Weekday>().is_ok())
}

/// PETRARCH codes a verb with no actor after it only when its verb phrase
/// has an object noun phrase, which gives the empty target (`said on
/// Saturday`): a verb followed, up to the end of its clause, by nothing or
/// by a bare time word (`said today`) codes no targetless event.
pub(crate) fn drop_targetless_without_object(events: Vec<dyad_core::Event>, text: &str) -> Vec<dyad_core::Event> {
    let has_object = |e: &dyad_core::Event| {
        let (from, to) = (e.evidence.trigger_span.end, e.sentence_span.end);
        let after = text.get(from..to.max(from)).unwrap_or("");
        let clause = after.split([',', ';', ':', '.', '!', '?', '(', ')', '"']).next().unwrap_or("");
        lower_words(clause).iter().any(|w| !time_word(w))
    };
    events.into_iter().filter(|e| e.target.is_some() || has_object(e)).collect()
}

/// Words that cannot stand inside a noun phrase between an article and its
/// head: a verb word after them still heads its own verb phrase.
const NOT_IN_NOUN_PHRASE: &[&str] = &[
    "of", "to", "not", "no", "who", "which", "that", "and", "or", "but", "will", "would", "can", "could", "may",
    "might", "shall", "should", "must", "did", "does", "do", "is", "are", "was", "were", "be", "been", "has", "have",
    "had",
];

/// PETRARCH's parse reads a verb word in its base form after `a` or `an`
/// and up to three modifying words as the noun heading that phrase
/// (`during a brief private visit`): a singular noun phrase after `a` has
/// no verb in the base form (that would be `visits`, or follow a modal).
pub(crate) fn noun_after_article(
    text: &str,
    e: &dyad_core::Event,
    tables: &crate::PeerTables,
    lexicon: &Lexicon,
) -> bool {
    let key = (e.evidence.rule.file.to_string(), e.evidence.rule.line);
    let Some(forms) = tables.verb_forms.get(&key) else { return false };
    let span = e.evidence.trigger_span;
    let (Some(before), Some(inside)) = (text.get(e.sentence_span.start..span.start), text.get(span.start..span.end))
    else {
        return false;
    };
    let mut words = lower_words(before);
    for w in lower_words(inside) {
        if crate::verb_form(forms, &w) {
            let base = lexicon.lemma(&w) == w && !w.ends_with("ing");
            let run = words.iter().rev().take(4).position(|p| p == "a" || p == "an");
            let modifiers = run.map(|n| &words[words.len() - n..]);
            return base
                && modifiers.is_some_and(|m| {
                    !m.is_empty()
                        && m.iter().all(|x| x.chars().all(|c| c.is_alphabetic() || c == '-'))
                        && !m.iter().any(|x| NOT_IN_NOUN_PHRASE.contains(&x.as_str()))
                });
        }
        words.push(w);
    }
    false
}

/// PETRARCH codes a noun phrase by its first actor: a possessive actor
/// before modifying words and a role noun with an actor of its own
/// (`Freedonia's proud and stern envoy Novak`) codes as the possessor plus
/// the role noun's agent, where dyad's engine ends the possessor's mention
/// at the modifiers. The starts of such mentions, with the possessor's code.
pub(crate) fn possessed_mentions(traces: &[dyad_coder::SentenceTrace], text: &str) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    for t in traces {
        let actors: Vec<_> =
            t.mentions.iter().filter(|m| !m.is_place && m.codes.iter().all(|c| !c.starts_with('?'))).collect();
        for pair in actors.windows(2) {
            let (p, m) = (pair[0], pair[1]);
            let Some(between) = text.get(p.span.end..m.span.start) else { continue };
            let Some(rest) = between.strip_prefix("'s").or_else(|| between.strip_prefix("\u{2019}s")) else {
                continue;
            };
            let words: Vec<&str> = rest.split_whitespace().collect();
            let plain = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
            let role_first = m.text.split_whitespace().next().is_some_and(|w| w.chars().all(char::is_lowercase));
            if let ([_, ..], [code], true) = (words.as_slice(), p.codes.as_slice(), role_first) {
                if words.len() <= 4 && words.iter().all(plain) && !code.is_empty() {
                    out.insert(m.span.start, code.clone());
                }
            }
        }
    }
    out
}

/// Expands PETRARCH's substitution sets in an agents dictionary: after
/// `!PERSON! = MAN, MEN`, an entry `CONGRESS!PERSON! [~LEG]` stands for
/// `CONGRESSMAN` and `CONGRESSMEN`, the member written in the marker's place
/// as it is (glued; `!MINST!_OF_X` keeps its own `_`). The forms go into the
/// entry's `{ }` list on its own line, so diagnostics keep their line numbers.
/// A marker with no definition is left for the agent reader to report.
pub(crate) fn expand_substitutions(text: &str) -> String {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = String::with_capacity(text.len());
    for raw in text.lines() {
        let (body, comment) = match raw.find('#') {
            Some(p) => raw.split_at(p),
            None => (raw, ""),
        };
        let t = body.trim();
        if let Some((name, members)) = t.split_once('=').filter(|_| t.starts_with('!') && !t.contains('[')) {
            let members = members.split(',').map(|m| m.trim().replace(' ', "_")).filter(|m| !m.is_empty());
            sets.push((name.trim().to_string(), members.collect()));
            out.push_str(raw);
        } else if let Some(open) = t.find('[').filter(|_| t.contains('!') && !t.starts_with('<')) {
            let (left, code) = t.split_at(open);
            let (phrase, listed) = match left.find('{') {
                Some(b) => (&left[..b], left[b + 1..].trim_end().trim_end_matches('}')),
                None => (left, ""),
            };
            let mut forms: Vec<String> = Vec::new();
            for f in std::iter::once(phrase.trim()).chain(listed.split_whitespace()) {
                let mut done = vec![f.to_string()];
                for (name, members) in &sets {
                    done = done
                        .into_iter()
                        .flat_map(|d| match d.contains(name.as_str()) {
                            true => members.iter().map(|m| d.replace(name.as_str(), m)).collect(),
                            false => vec![d],
                        })
                        .collect();
                }
                forms.extend(done);
            }
            let (first, rest) = forms.split_first().map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
            out.push_str(&format!("{first} {{{}}} {code} {comment}", rest.join(" ")));
        } else {
            out.push_str(raw);
        }
        out.push('\n');
    }
    out
}

/// Reads discards: `+PHRASE` discards the story, `PHRASE` the sentence.
pub(crate) fn convert_discards(conv: &mut Converted, _file: &str, text: &str) {
    for raw in text.lines() {
        let t = raw.split_once('#').map_or(raw, |(a, _)| a).trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        let (story, phrase) = match t.strip_prefix('+') {
            Some(p) => (true, p),
            None => (false, t),
        };
        let words = lower_words(&phrase.replace('_', " "));
        if words.is_empty() {
            continue;
        }
        if story {
            conv.tables.story_discards.push(words);
        } else {
            conv.tables.discards.push(words);
        }
        conv.count("discards");
    }
}

/// Reads PETRARCH validation records: `<Sentence id= date= category=>`,
/// `<EventCoding sourcecode= targetcode= eventcode=>` (or `error=`: no event),
/// `<Text>`. The parse trees are not used. Also reads the PETRARCH-2
/// `PETR2_GSR_validation.xml` layout (self-closing `<Sentence/>`).
pub fn read_suite(name: &str, xml: &str) -> Suite {
    let mut suite = Suite::default();
    let mut current: Option<SuiteRecord> = None;
    let mut in_text = false;
    let mut in_parse = false;
    // The current record's `<Parse>` text.
    let mut parse = String::new();
    let mut in_sentences = false;
    // `<Config option="require_dyad" value="false">` holds until the next one.
    let mut require_dyad: Option<bool> = None;
    for p in pieces(xml) {
        match p {
            Piece::Open("Sentences", _, _) => in_sentences = true,
            Piece::Open("Config", attrs, _) => {
                let get = |k: &str| attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| v.trim().to_lowercase());
                if get("option").as_deref() == Some("require_dyad") {
                    require_dyad = get("value").map(|v| v == "true");
                }
            }
            Piece::Open("Sentence", attrs, _) if in_sentences => {
                if let Some(r) = current.take() {
                    finish(&mut suite, name, r, &std::mem::take(&mut parse));
                }
                let get = |k: &str| attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| v.clone()).unwrap_or_default();
                let id = get("id");
                let section = match get("category") {
                    c if !c.is_empty() => c,
                    _ => id.split('-').next().unwrap_or("").to_string(),
                };
                current = Some(SuiteRecord {
                    id,
                    section,
                    date: date_yymmdd(&get("date")),
                    text: String::new(),
                    expected: Vec::new(),
                    line: 0,
                    require_target: require_dyad,
                    ..SuiteRecord::default()
                });
            }
            Piece::Open("EventCoding", attrs, _) => {
                let Some(rec) = current.as_mut() else { continue };
                let get = |k: &str| attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| v.trim().to_string());
                if let Some(err) = get("error") {
                    suite.diagnostics.push(PeerDiagnostic::new(
                        name,
                        0,
                        "expected-error",
                        format!("{}: expects no event ({err})", rec.id),
                    ));
                    continue;
                }
                let (Some(s), Some(c)) = (get("sourcecode"), get("eventcode")) else { continue };
                let t = get("targetcode").unwrap_or_default();
                rec.expected.push(ExpectedEvent {
                    source: s,
                    target: if t == "---" { String::new() } else { t },
                    code: c,
                });
            }
            Piece::Open("Text", _, false) => in_text = true,
            Piece::Close("Text") => in_text = false,
            Piece::Open("Parse", _, false) => in_parse = true,
            Piece::Close("Parse") => in_parse = false,
            Piece::Text(t) if in_parse => {
                parse.push(' ');
                parse.push_str(&decode(t));
            }
            Piece::Text(t) if in_text => {
                if let Some(rec) = current.as_mut() {
                    if !rec.text.is_empty() {
                        rec.text.push(' ');
                    }
                    rec.text.push_str(&decode(t).split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
            Piece::Close("Sentences") => in_sentences = false,
            _ => {}
        }
    }
    if let Some(r) = current.take() {
        finish(&mut suite, name, r, &parse);
    }
    suite
}

/// Adds a record read to the suite, its text as PETRARCH codes it; a parse
/// whose brackets do not pair up is reported (`bad-parse`).
fn finish(suite: &mut Suite, name: &str, mut rec: SuiteRecord, parse: &str) {
    if balanced(parse) {
        rec = parsed_text(rec, parse);
    } else {
        suite.diagnostics.push(PeerDiagnostic::new(
            name,
            0,
            "bad-parse",
            format!("{}: the parse's brackets do not pair up: nothing is coded", rec.id),
        ));
        // PETRARCH rejects such a parse (`bad_input_parse`): nothing of the record is coded.
        rec.text.clear();
    }
    suite.records.push(rec);
}

/// PETRARCH codes a record's `<Parse>`, not its `<Text>`: where the two
/// hold different words (a record whose parse was edited to test another
/// agent), the parse's leaves, joined back into text, are what is coded.
fn parsed_text(mut rec: SuiteRecord, parse: &str) -> SuiteRecord {
    let text = detokenize(&parse_leaves(parse));
    // Letters and digits compared, without case: "isn't" is "is n't".
    let words =
        |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect() };
    if !text.is_empty() && words(&text) != words(&rec.text) {
        rec.text = text;
    }
    // As in TABARI's texts, `Tarnhollow_Isles` is one name of two words.
    rec.text = join_underscores(&rec.text);
    rec
}

/// Whether every `(` of a parse has its `)` (an empty parse is balanced).
fn balanced(parse: &str) -> bool {
    let mut depth = 0usize;
    for c in parse.chars() {
        match c {
            '(' => depth += 1,
            ')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// The leaves of a Penn Treebank parse, `(TAG word)`, in order.
fn parse_leaves(parse: &str) -> Vec<&str> {
    let mut leaves = Vec::new();
    let mut rest = parse;
    while let Some(open) = rest.find('(') {
        rest = &rest[open + 1..];
        let end = rest.find(['(', ')']).unwrap_or(rest.len());
        let inner = rest[..end].trim();
        if rest[end..].starts_with(')') {
            if let Some((_, word)) = inner.split_once(char::is_whitespace) {
                leaves.push(word.trim());
            }
        }
    }
    leaves
}

/// Treebank tokens joined back into text: brackets restored, clitics
/// (`'s`, `n't`) and closing punctuation attached to the word before.
fn detokenize(leaves: &[&str]) -> String {
    let mut out = String::new();
    let mut glue_next = false;
    for &leaf in leaves {
        let tok = match leaf {
            "-LRB-" | "-lrb-" => "(",
            "-RRB-" | "-rrb-" => ")",
            "-LCB-" | "-lcb-" => "{",
            "-RCB-" | "-rcb-" => "}",
            "``" | "''" => "\"",
            t => t,
        };
        let attach = tok.starts_with('\'')
            || tok.eq_ignore_ascii_case("n't")
            || matches!(tok, "." | "," | ";" | ":" | "!" | "?" | "%" | ")" | "}");
        if !out.is_empty() && !attach && !glue_next {
            out.push(' ');
        }
        out.push_str(tok);
        glue_next = matches!(tok, "(" | "{" | "$");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PeerCode;

    const VERBS: &str = "\
<!-- made-up verbs -->
&SNACK
+BISCUITS
+CRUMPETS # comment

--- SHARE  [070]  ---
SHARE  # x
DIVIDE {DIVIDES DIVIDED DIVIDING }
SPLIT_+UP [071]
- * &SNACK (WITH +) [073:074]
- $ REFUSED_TO * [---]
";

    /// A verbs dictionary converted, with its `.events` source.
    fn verbs_converted(lexicon: &Lexicon, text: &str) -> (Converted, String) {
        let mut conv = Converted::default();
        convert_verbs(&mut conv, lexicon, "p.verbs", text);
        let events = conv.source(".events").unwrap().to_string();
        (conv, events)
    }

    #[test]
    fn verb_blocks_convert() {
        let lexicon = Lexicon::english();
        let (conv, events) = verbs_converted(&lexicon, VERBS);
        assert!(events.contains("share|divide|divides|divided|dividing = 070"), "{events}");
        assert!(events.contains("split_up = 071"), "{events}");
        assert!(
            events.contains("share|divide|divides|divided|dividing ... &snack ... with ... {target} = 073"),
            "{events}"
        );
        assert!(conv.tables.events.values().any(|c| *c == PeerCode::Null));
        assert!(conv.builder().check(&lexicon).is_empty(), "{:?}", conv.builder().check(&lexicon));
    }

    #[test]
    fn discards_and_suite() {
        let mut conv = Converted::default();
        convert_discards(&mut conv, "d", "# c\n+CROQUET_MATCH\nTEA PARTY # x\n");
        assert_eq!(conv.tables.story_discards, vec![vec!["croquet".to_string(), "match".to_string()]]);
        assert_eq!(conv.tables.discards.len(), 1);
        let xml = "<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt,b.txt</Actorfile></Environment>
<Sentences>
<Sentence date=\"19950101\" id=\"DEMO-01\" category=\"DEMO\" sentence=\"true\">
<!-- a note -->
<EventCoding sourcecode=\"FRD\" targetcode=\"SYL\" eventcode=\"042\"></EventCoding>
<Text>
Freedonia praised
Sylvania.
</Text>
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date=\"19950102\" id=\"ERR-01\" category=\"ERROR\"/>
<EventCoding error=\"sentencediscard\"/>
<Text>Croquet results.</Text>
</Sentences></Validation>";
        let env = environment(xml);
        assert_eq!(env.actors, vec!["a.txt".to_string(), "b.txt".to_string()]);
        let suite = read_suite("x.xml", xml);
        assert_eq!(suite.records.len(), 2);
        assert_eq!(suite.records[0].text, "Freedonia praised Sylvania.");
        assert_eq!(suite.records[0].expected.len(), 1);
        assert_eq!(suite.records[0].section, "DEMO");
        assert!(suite.records[1].expected.is_empty());
        assert_eq!(suite.records[0].require_target, None);
    }

    #[test]
    fn config_require_dyad_holds_until_changed() {
        let xml = "<Validation><Sentences>
<Sentence date=\"19950101\" id=\"A-01\"><Text>One.</Text></Sentence>
<Config option=\"require_dyad\" value=\"False\"></Config>
<Sentence date=\"19950101\" id=\"A-02\"><Text>Two.</Text></Sentence>
<Config option=\"comma_max\" value=\"0\"></Config>
<Sentence date=\"19950101\" id=\"A-03\"><Text>Three.</Text></Sentence>
<Config option=\"require_dyad\" value=\"TRUE\"></Config>
<Sentence date=\"19950101\" id=\"A-04\"><Text>Four.</Text></Sentence>
</Sentences></Validation>";
        let got: Vec<Option<bool>> = read_suite("x.xml", xml).records.iter().map(|r| r.require_target).collect();
        assert_eq!(got, vec![None, Some(false), Some(false), Some(true)]);
    }

    #[test]
    fn substitution_sets_expand_in_agents() {
        let agents = "!CLERK! = SCRIBE, SCRIBES\n!ROLE! = WARDEN, WARDENS\n\
CASTLE!CLERK! [~GOV] # glued\n!ROLE!_OF_THE_MARSHES {} [~MIL]\nBAKER [~BUS]\n";
        let text = expand_substitutions(agents);
        assert_eq!(text.lines().count(), agents.lines().count(), "{text}");
        assert!(text.contains("CASTLESCRIBE {CASTLESCRIBES} [~GOV]"), "{text}");
        assert!(text.contains("WARDEN_OF_THE_MARSHES {WARDENS_OF_THE_MARSHES} [~MIL]"), "{text}");
        let d = Dictionaries { agents: vec![("a.txt".into(), agents.into())], ..Dictionaries::default() };
        let conv = d.convert(&Lexicon::english());
        let out = &conv.sources.iter().find(|(n, _)| n.ends_with(".agents")).unwrap().1;
        for phrase in
            ["castlescribe = GOV", "castlescribes = GOV", "warden of the marshes = MIL", "wardens of the marshes = MIL"]
        {
            assert!(out.contains(phrase), "{phrase} missing in {out}");
        }
        assert!(!conv.diagnostics.iter().any(|d| d.kind == "unknown-macro"), "{:?}", conv.diagnostics);
    }

    #[test]
    fn multiword_verbs_share_the_block_patterns() {
        let verbs = "--- MEND [050] ---\nMEND\n+PATCH_UP {+PATCHED_UP}\n- * FENCES [051]\n";
        let (_, events) = verbs_converted(&Lexicon::english(), verbs);
        assert!(events.contains("patch_up ... fences = 051"), "{events}");
        assert!(events.contains("mend ... fences = 051"), "{events}");
    }

    #[test]
    fn parse_words_over_text_words() {
        let xml = "<Sentences>
<Sentence date=\"19950101\" id=\"P-01\"><Text>Freedonia's guards didn't leave.</Text>
<Parse>(ROOT (S (NP (NNP Freedonia) (POS 's) (NNS guards)) (VP (VBD did) (RB n't) (VB leave)) (. .)))</Parse></Sentence>
<Sentence date=\"19950101\" id=\"P-02\"><Text>The Freedonian cabinet met.</Text>
<Parse>(ROOT (S (NP (DT The) (JJ Freedonian) (NNS scribes) (-LRB- -LRB-) (NN FS) (-RRB- -RRB-)) (VP (VBD met)) (. .)))</Parse></Sentence>
<Sentence date=\"19950101\" id=\"P-03\"><Text>Sylvania warned Port_Freedon.</Text></Sentence>
</Sentences>";
        let suite = read_suite("x.xml", xml);
        assert_eq!(suite.records[0].text, "Freedonia's guards didn't leave.");
        assert_eq!(suite.records[1].text, "The Freedonian scribes (FS) met.");
        assert_eq!(suite.records[2].text, "Sylvania warned Port Freedon.");
    }
}

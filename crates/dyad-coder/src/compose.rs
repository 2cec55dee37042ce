//! Composing a speech act with the act it is about.
//!
//! CAMEO repeats one family of acts under four roots: appeal (02), express
//! intent (03), demand (10) and reject (12) — appeal *for aid*, intend *to
//! release*, demand *de-escalation*, refuse *to meet*. Threaten (13)
//! carries a similar family of threatened acts. So when a governing trigger
//! (`urged Iran to`, `refused to`, `threatened to`) takes an infinitive
//! whose own trigger would code, say, 0841 (release persons), the pair is
//! coded as the governor's member of that family (0253, 0353, 1053, 1243).
//! These are codebook facts, not vocabulary, so they live here rather than in
//! the dictionaries.

use dyad_core::cameo::CameoCode;

/// Rows: the embedded act's code prefix, then the code under
/// appeal (02), intent (03), demand (10), reject (12), threaten (13) and
/// accuse (112: `accused X of shelling civilians` is an accusation of aggression).
/// The longest matching prefix wins; an empty cell keeps the governor's code.
const FAMILY: &[(&str, [&str; 6])] = &[
    ("060", ["021", "031", "", "121", "1311", ""]),
    ("061", ["0211", "0311", "1011", "1211", "1311", ""]),
    ("062", ["0212", "0312", "1012", "1212", "1311", ""]),
    ("063", ["0213", "0313", "1013", "121", "", ""]),
    ("064", ["0214", "0314", "1014", "121", "", ""]),
    ("05", ["022", "032", "102", "120", "", ""]),
    ("057", ["027", "037", "", "127", "", ""]),
    ("07", ["023", "033", "103", "122", "1311", ""]),
    ("071", ["0231", "0331", "1031", "1221", "1311", ""]),
    ("072", ["0232", "0332", "1032", "1222", "1311", ""]),
    ("073", ["0233", "0333", "1033", "1223", "1311", ""]),
    ("074", ["0234", "0334", "1034", "1224", "", ""]),
    ("083", ["024", "034", "104", "123", "", ""]),
    ("0831", ["0241", "0341", "1041", "1231", "", ""]),
    ("0832", ["0242", "0342", "1042", "1232", "", ""]),
    ("0833", ["0243", "0343", "1043", "1233", "", ""]),
    ("0834", ["0244", "0344", "1044", "1234", "", ""]),
    ("080", ["025", "035", "105", "124", "", ""]),
    ("081", ["0251", "0351", "1051", "1241", "", ""]),
    ("082", ["0252", "0352", "1052", "1242", "", ""]),
    ("084", ["0253", "0353", "1053", "1243", "", ""]),
    ("085", ["0254", "0354", "1054", "1244", "", ""]),
    ("086", ["0255", "0355", "1055", "1245", "", ""]),
    ("087", ["0256", "0356", "1056", "1246", "", ""]),
    ("0871", ["0256", "0356", "107", "1246", "", ""]),
    ("0874", ["0256", "0356", "106", "1246", "", ""]),
    ("04", ["026", "036", "108", "125", "134", ""]),
    ("045", ["028", "039", "108", "126", "135", ""]),
    ("14", ["", "", "", "", "133", ""]),
    ("16", ["", "", "", "", "131", ""]),
    ("161", ["", "", "", "", "1313", ""]),
    ("162", ["", "", "", "", "1311", ""]),
    ("163", ["", "", "", "", "1312", ""]),
    ("166", ["", "", "", "", "136", ""]),
    ("17", ["", "", "", "", "130", "1122"]),
    ("172", ["", "", "", "", "132", ""]),
    ("1721", ["", "", "", "", "1321", ""]),
    ("1722", ["", "", "", "", "1322", ""]),
    ("1723", ["", "", "", "", "1323", ""]),
    ("1724", ["", "", "", "", "1324", ""]),
    ("18", ["", "", "", "", "1383", "1122"]),
    ("19", ["", "", "", "", "138", "1123"]),
    ("190", ["", "", "", "", "1384", ""]),
    ("191", ["", "", "", "", "1381", ""]),
    ("192", ["", "", "", "", "1382", ""]),
    ("20", ["", "", "", "", "1385", "1124"]),
    ("196", ["", "", "", "", "", "1123"]),
    ("1822", ["", "", "", "", "1383", "1122"]),
];

/// The code for `governor` (02/03/10/12/13 family) applied to `embedded`,
/// when the codebook has one and the governor is no more specific already.
pub(crate) fn compose(governor: CameoCode, embedded: CameoCode) -> Option<CameoCode> {
    let column = match &governor.as_str()[..2] {
        "02" => 0,
        "03" => 1,
        "10" => 2,
        "12" => 3,
        "13" => 4,
        "11" if governor.as_str().starts_with("112") => 5,
        _ => return None,
    };
    // A governor pattern that already names the act (`urge .. release` = 0253) stays.
    let generic = matches!(
        governor.as_str(),
        "02" | "020" | "03" | "030" | "10" | "100" | "12" | "120" | "13" | "130" | "131" | "138" | "112"
    );
    if !generic {
        return None;
    }
    let code = embedded.as_str();
    let row = FAMILY.iter().filter(|(prefix, _)| code.starts_with(prefix)).max_by_key(|(prefix, _)| prefix.len())?;
    let cell = row.1[column];
    if cell.is_empty() {
        return None;
    }
    let composed = CameoCode::parse(cell)?;
    // Do not make a threat less specific than the pattern said (`threaten to attack` = 138).
    (composed.level() >= governor.level()).then_some(composed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(governor: &str, embedded: &str, expect: Option<&str>) {
        let g = CameoCode::parse(governor).unwrap();
        let e = CameoCode::parse(embedded).unwrap();
        assert_eq!(compose(g, e).map(|c| c.as_str()), expect, "{governor} + {embedded}");
    }

    #[test]
    fn families() {
        check("020", "0841", Some("0253"));
        check("030", "0841", Some("0353"));
        check("100", "087", Some("1056"));
        check("120", "040", Some("125"));
        check("020", "046", Some("026"));
        check("130", "190", Some("1384"));
        check("130", "163", Some("1312"));
        check("030", "073", Some("0333"));
        check("020", "0831", Some("0241"));
        check("112", "196", Some("1123"));
        check("112", "202", Some("1124"));
    }

    #[test]
    fn specific_governors_and_unrelated_acts_stay() {
        check("0253", "040", None);
        check("020", "111", None);
        check("051", "0841", None);
    }

    #[test]
    fn every_cell_is_a_codebook_code() {
        for (prefix, cells) in FAMILY {
            for cell in cells.iter().filter(|c| !c.is_empty()) {
                assert!(CameoCode::parse(cell).is_some(), "{prefix}: {cell}");
            }
        }
    }
}

//! Unit tests of the naming rules.

use super::*;

#[test]
fn keywords_become_raw_or_suffixed() {
    assert_eq!(value_name("type"), "r#type");
    assert_eq!(value_name("gen"), "r#gen");
    assert_eq!(value_name("async"), "r#async");
    assert_eq!(value_name("self"), "self_");
    assert_eq!(value_name("super"), "super_");
    assert_eq!(type_name("self"), "Self_");
}

#[test]
fn punctuation_digits_and_unicode() {
    assert_eq!(type_name("+1"), "Plus1");
    assert_eq!(type_name("-1"), "Minus1");
    assert_eq!(type_name("1"), "V1");
    assert_eq!(value_name("$ref"), "r#ref");
    assert_eq!(value_name("@timestamp"), "timestamp");
    assert_eq!(value_name("2fa"), "_2fa");
    assert_eq!(type_name(""), "Empty");
    assert_eq!(value_name("---"), "empty");
    assert_eq!(type_name("ünï"), "U00fcNU00ef");
    assert!(is_valid_identifier(&value_name("日本")));
}

#[test]
fn github_operation_ids() {
    assert_eq!(
        method_name("actions/list-self-hosted-runners-for-org"),
        "list_self_hosted_runners_for_org"
    );
    assert_eq!(method_name("no-category"), "no_category");
    assert_eq!(method_name("trailing/"), "trailing");
    assert_eq!(type_name("runner-groups-org"), "RunnerGroupsOrg");
    assert_eq!(method_name("new"), "new_operation");
    assert_eq!(
        operation_method_name(None, None, "get", "/users/{user-id}/repos"),
        "get_users_user_id_repos"
    );
    assert_eq!(operation_method_name(None, Some("a/b"), "get", "/"), "b");
    assert_eq!(
        operation_method_name(Some("get_rate_limit"), Some("rate-limit/get"), "get", "/"),
        "get_rate_limit"
    );
    assert!(check_explicit_method_name("get_rate_limit").is_ok());
    for bad in [
        "GetRateLimit",
        "get-rate-limit",
        "type",
        "1st",
        "",
        "clone",
        "execute",
    ] {
        assert!(check_explicit_method_name(bad).is_err(), "{bad}");
    }
}

#[test]
fn collisions_are_numbered_in_claim_order() {
    let mut names = NameSet::default();
    assert_eq!(names.claim(&value_name("ref")), "r#ref");
    assert_eq!(names.claim(&value_name("$ref")), "ref_2");
    let mut types = NameSet::default();
    assert_eq!(types.claim(&type_name("1")), "V1");
    assert_eq!(types.claim(&type_name("+1")), "Plus1");
    assert_eq!(types.claim_type("Error"), "ErrorModel");
    assert_eq!(types.claim_type("Runner"), "Runner");
    assert_eq!(types.claim_type("Runner"), "Runner2");
    assert_eq!(types.claim(&type_name("self")), "Self_");
    assert_eq!(types.claim(&type_name("Self")), "Self2");
    assert_eq!(names.claim(&value_name("self")), "self_");
    assert_eq!(names.claim(&value_name("Self")), "self_2");
}

#[test]
fn every_generated_name_is_valid() {
    for raw in [
        "", "_", "__", "1", "+", "-", "a b", "Self", "crate", "ü", "x-1", "_1",
    ] {
        assert!(is_valid_identifier(&type_name(raw)), "{raw:?}");
        assert!(is_valid_identifier(&value_name(raw)), "{raw:?}");
    }
}

#[test]
fn names_without_capitals_take_the_short_way_to_heck_s_result() {
    let slow_value = |raw: &str| finish_name(words(raw).to_snake_case(), "empty", "_");
    let slow_type = |raw: &str| finish_name(words(raw).to_upper_camel_case(), "Empty", "V");
    let mut names: Vec<String> = [
        "id",
        "runner_group_id",
        "per_page",
        "x2y",
        "runner-group",
        "v2 runner",
        "ipv6-address",
        "2fa-code",
        "a__b",
        "_a",
        "a_",
        "-1",
        "+1",
        "-a",
        "type",
        "self",
        "a.b/c",
        "",
        "--",
        "list-self-hosted-runners-for-org",
        "nullable-simple-user",
        "gen",
    ]
    .iter()
    .map(|name| (*name).to_owned())
    .collect();
    // Every string of up to five characters from an alphabet of letters, digits and the
    // separators words splits at, in a fixed pseudo-random sample.
    let alphabet = ['a', 'z', '0', '9', '-', '_', ' ', '.', '/', '+'];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..5000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let length = (state % 6) as usize;
        let name: String = (0..length)
            .map(|i| alphabet[((state >> (8 * i)) % alphabet.len() as u64) as usize])
            .collect();
        names.push(name);
    }
    for raw in &names {
        assert!(
            lowercase_words(raw).is_some() || raw.starts_with(['+', '-']),
            "{raw:?}"
        );
        assert_eq!(value_name(raw), slow_value(raw), "{raw:?}");
        assert_eq!(type_name(raw), slow_type(raw), "{raw:?}");
    }
}

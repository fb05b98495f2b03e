//! Where each operation's method lives: on `Client` itself (flat, `client.get_repo_secret(…)`),
//! or on the group of its operationId's category (grouped, `client.actions().get_repo_secret(…)`,
//! the way octocrab and go-github arrange GitHub's API).
//!
//! Method names drop the operationId's category (`actions/get-repo-secret` →
//! `get_repo_secret`), which reads well as long as no two operations then share a name. In
//! GitHub's complete description 170 do (`actions/`, `dependabot/` and
//! `codespaces/get-repo-secret`), and the category is exactly what told them apart. So
//! [`MethodLayout::Auto`], the default, is flat when the flat names are unique and grouped when
//! they are not, with a note that says so; [`MethodLayout::Flat`] and [`MethodLayout::Grouped`]
//! choose explicitly. Operations whose operationId has no category stay on `Client` in either
//! layout. The names themselves (accessor, group type, builder) come from [`crate::naming`].

use crate::{naming, spec};
use openapiv3::OpenAPI;
use std::collections::HashMap;
use std::str::FromStr;

/// How operations become methods (`Config::method_layout`, `--methods` on the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MethodLayout {
    /// Flat when no two flat method names collide, grouped otherwise (with a note).
    #[default]
    Auto,
    /// Every operation a method of `Client`; colliding names are errors.
    Flat,
    /// Methods grouped by the category of their operationId (`client.actions()…`).
    Grouped,
}

impl FromStr for MethodLayout {
    type Err = String;

    fn from_str(text: &str) -> Result<MethodLayout, String> {
        match text {
            "auto" => Ok(MethodLayout::Auto),
            "flat" => Ok(MethodLayout::Flat),
            "grouped" => Ok(MethodLayout::Grouped),
            other => Err(format!(
                "`{other}` is not a method layout (auto, flat or grouped)"
            )),
        }
    }
}

/// The layout decided for one spec.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    /// Whether methods are grouped by the category of their operationId.
    pub grouped: bool,
    /// Why [`MethodLayout::Auto`] grouped the methods; none for a flat or explicit layout.
    pub note: Option<String>,
}

impl Decision {
    /// The group accessor of an operation's method under this layout (`actions`), if any.
    pub fn group_of(&self, operation_id: Option<&str>) -> Option<String> {
        if !self.grouped {
            return None;
        }
        operation_id.and_then(category).map(naming::group_accessor)
    }
}

/// Decides `requested` for `spec`.
pub fn decide(requested: MethodLayout, spec: &OpenAPI) -> Decision {
    match requested {
        MethodLayout::Flat => Decision::default(),
        MethodLayout::Grouped => Decision {
            grouped: true,
            note: None,
        },
        MethodLayout::Auto => match flat_collisions(spec) {
            None => Decision::default(),
            Some(collisions) => Decision {
                grouped: true,
                note: Some(collisions.note()),
            },
        },
    }
}

/// The category of an operationId: everything before its last `/` (`actions/get-repo-secret`
/// → `actions`), if that has a name in it.
pub fn category(operation_id: &str) -> Option<&str> {
    let (category, _) = operation_id.trim_end_matches('/').rsplit_once('/')?;
    let category = category.trim_matches('/');
    category
        .contains(|c: char| c.is_alphanumeric())
        .then_some(category)
}

/// The flat method names that more than one operation would take.
struct Collisions {
    /// How many operations take a name already taken.
    count: usize,
    /// The first pair: the two operationIds and the name.
    first: (String, String, String),
}

impl Collisions {
    fn note(&self) -> String {
        let (first, second, name) = &self.first;
        let group = category(second)
            .map(naming::group_accessor)
            .unwrap_or_else(|| "…".to_owned());
        format!(
            "{count} operation{s} would share a method name if methods were flat (`{first}` and \
             `{second}` would both be `{name}`), so methods are grouped by the category of their \
             operationId: `client.{group}().{name}(…)`. Choose the layout explicitly with \
             `--methods grouped` or `--methods flat` (`Config::method_layout`).",
            count = self.count,
            s = if self.count == 1 { "" } else { "s" },
        )
    }
}

/// The flat method names of `spec` that collide, if any do.
fn flat_collisions(spec: &OpenAPI) -> Option<Collisions> {
    let mut owners: HashMap<String, String> = HashMap::new();
    let mut collisions: Option<Collisions> = None;
    for (path, method, operation) in spec.operations() {
        let explicit = spec::method_name(operation).and_then(serde_json::Value::as_str);
        let id = operation.operation_id.as_deref();
        let name = naming::operation_method_name(explicit, id, method, path);
        let id = id.map_or_else(
            || naming::fallback_operation_id(method, path),
            str::to_owned,
        );
        match owners.get(&name) {
            Some(first) => match &mut collisions {
                Some(collisions) => collisions.count += 1,
                None => {
                    collisions = Some(Collisions {
                        count: 1,
                        first: (first.clone(), id, name),
                    })
                }
            },
            None => {
                owners.insert(name, id);
            }
        }
    }
    collisions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(ids: &[&str]) -> OpenAPI {
        let mut text = String::from("openapi: 3.0.3\ninfo: {title: t, version: v}\npaths:\n");
        for (index, id) in ids.iter().enumerate() {
            text.push_str(&format!(
                "  /p{index}:\n    get:\n      operationId: {id}\n      responses: {{'204': {{description: d}}}}\n"
            ));
        }
        crate::load::load(text.as_bytes()).unwrap_or_default()
    }

    #[test]
    fn categories_are_what_comes_before_the_last_slash() {
        assert_eq!(category("actions/get-repo-secret"), Some("actions"));
        assert_eq!(category("a/b/c"), Some("a/b"));
        assert_eq!(category("no-category"), None);
        assert_eq!(category("/leading"), None);
        assert_eq!(category("trailing/"), None);
    }

    #[test]
    fn auto_is_flat_without_collisions_and_grouped_with_them() {
        let unique = spec(&["actions/list-runners", "actions/get-runner"]);
        assert_eq!(decide(MethodLayout::Auto, &unique), Decision::default());
        let colliding = spec(&[
            "actions/get-repo-secret",
            "dependabot/get-repo-secret",
            "codespaces/get-repo-secret",
        ]);
        let decision = decide(MethodLayout::Auto, &colliding);
        assert!(decision.grouped);
        let note = decision.note.clone().unwrap_or_default();
        assert!(
            note.starts_with("2 operations would share a method name"),
            "{note}"
        );
        assert!(
            note.contains("`client.dependabot().get_repo_secret(…)`"),
            "{note}"
        );
        assert_eq!(
            decision
                .group_of(Some("dependabot/get-repo-secret"))
                .as_deref(),
            Some("dependabot")
        );
        assert_eq!(decision.group_of(Some("uncategorised")), None);
    }

    #[test]
    fn explicit_layouts_are_kept_and_say_nothing() {
        let colliding = spec(&["a/get", "b/get"]);
        assert_eq!(decide(MethodLayout::Flat, &colliding), Decision::default());
        let grouped = decide(MethodLayout::Grouped, &spec(&["a/get"]));
        assert!(grouped.grouped && grouped.note.is_none());
        assert_eq!("grouped".parse(), Ok(MethodLayout::Grouped));
        assert!("tree".parse::<MethodLayout>().is_err());
    }
}

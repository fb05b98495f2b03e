//! The runner-group request bodies (one generated type per operation and scope) as the
//! changes they ask the world for: [`GroupSettings`].

use github_runners::{
    CreateSelfHostedRunnerGroupForEnterpriseBody, CreateSelfHostedRunnerGroupForOrgBody,
    UpdateSelfHostedRunnerGroupForEnterpriseBody, UpdateSelfHostedRunnerGroupForOrgBody,
};

use crate::world::groups::GroupSettings;

/// The plain IDs of a list of ID newtypes.
fn raw_ids<T: Into<i64>>(ids: Vec<T>) -> Vec<i64> {
    ids.into_iter().map(Into::into).collect()
}

/// `From<body> for GroupSettings`: the settings every runner-group body carries (visibility,
/// public repositories, workflow restriction), then the ones that differ by operation and
/// scope, written against `body`.
macro_rules! group_settings_from {
    ($body:ty, |$b:ident| { $($field:ident: $value:expr),* $(,)? }) => {
        impl From<$body> for GroupSettings {
            fn from($b: $body) -> GroupSettings {
                GroupSettings {
                    visibility: $b.visibility.map(|v| v.as_str().to_owned()),
                    allows_public_repositories: $b.allows_public_repositories,
                    restricted_to_workflows: $b.restricted_to_workflows,
                    selected_workflows: $b.selected_workflows,
                    $($field: $value,)*
                    ..GroupSettings::default()
                }
            }
        }
    };
}

group_settings_from!(CreateSelfHostedRunnerGroupForEnterpriseBody, |body| {
    name: Some(body.name),
    network_configuration_id: body.network_configuration_id.map(Some),
    selected_organizations: body.selected_organization_ids.map(raw_ids),
    runners: body.runners.map(raw_ids),
});

group_settings_from!(CreateSelfHostedRunnerGroupForOrgBody, |body| {
    name: Some(body.name),
    network_configuration_id: body.network_configuration_id.map(Some),
    selected_repositories: body.selected_repository_ids.map(raw_ids),
    runners: body.runners.map(raw_ids),
});

group_settings_from!(UpdateSelfHostedRunnerGroupForEnterpriseBody, |body| {
    name: body.name,
    network_configuration_id: body.network_configuration_id,
});

group_settings_from!(UpdateSelfHostedRunnerGroupForOrgBody, |body| {
    name: Some(body.name),
    network_configuration_id: body.network_configuration_id,
});

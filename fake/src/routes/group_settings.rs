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

impl From<CreateSelfHostedRunnerGroupForEnterpriseBody> for GroupSettings {
    fn from(body: CreateSelfHostedRunnerGroupForEnterpriseBody) -> GroupSettings {
        GroupSettings {
            name: Some(body.name),
            visibility: body.visibility.map(|v| v.as_str().to_owned()),
            allows_public_repositories: body.allows_public_repositories,
            restricted_to_workflows: body.restricted_to_workflows,
            selected_workflows: body.selected_workflows,
            network_configuration_id: body.network_configuration_id.map(Some),
            selected_organizations: body.selected_organization_ids.map(raw_ids),
            runners: body.runners.map(raw_ids),
            ..GroupSettings::default()
        }
    }
}

impl From<CreateSelfHostedRunnerGroupForOrgBody> for GroupSettings {
    fn from(body: CreateSelfHostedRunnerGroupForOrgBody) -> GroupSettings {
        GroupSettings {
            name: Some(body.name),
            visibility: body.visibility.map(|v| v.as_str().to_owned()),
            allows_public_repositories: body.allows_public_repositories,
            restricted_to_workflows: body.restricted_to_workflows,
            selected_workflows: body.selected_workflows,
            network_configuration_id: body.network_configuration_id.map(Some),
            selected_repositories: body.selected_repository_ids.map(raw_ids),
            runners: body.runners.map(raw_ids),
            ..GroupSettings::default()
        }
    }
}

impl From<UpdateSelfHostedRunnerGroupForEnterpriseBody> for GroupSettings {
    fn from(body: UpdateSelfHostedRunnerGroupForEnterpriseBody) -> GroupSettings {
        GroupSettings {
            name: body.name,
            visibility: body.visibility.map(|v| v.as_str().to_owned()),
            allows_public_repositories: body.allows_public_repositories,
            restricted_to_workflows: body.restricted_to_workflows,
            selected_workflows: body.selected_workflows,
            network_configuration_id: body.network_configuration_id,
            ..GroupSettings::default()
        }
    }
}

impl From<UpdateSelfHostedRunnerGroupForOrgBody> for GroupSettings {
    fn from(body: UpdateSelfHostedRunnerGroupForOrgBody) -> GroupSettings {
        GroupSettings {
            name: Some(body.name),
            visibility: body.visibility.map(|v| v.as_str().to_owned()),
            allows_public_repositories: body.allows_public_repositories,
            restricted_to_workflows: body.restricted_to_workflows,
            selected_workflows: body.selected_workflows,
            network_configuration_id: body.network_configuration_id,
            ..GroupSettings::default()
        }
    }
}

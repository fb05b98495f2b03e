//! Every example in the curated spec deserializes into its generated type and serializes back
//! to equivalent JSON.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

use github_runners::*;
use github_runners_tests::{equivalent, spec};
use openapiv3::{MediaType, ReferenceOr, Schema, SchemaKind, Type};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

/// Decodes `value` as `T` and encodes it again.
fn roundtrip<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let typed: T = serde_json::from_value(value.clone()).map_err(|error| error.to_string())?;
    serde_json::to_value(&typed).map_err(|error| error.to_string())
}

/// The generated type for a schema key: a component name, `[component]` for an array of it,
/// or the operationId for an inline request body.
fn roundtrip_as(key: &str, value: &Value) -> Result<Value, String> {
    match key {
        "runner" => roundtrip::<Runner>(value),
        "runner-list" => roundtrip::<RunnerList>(value),
        "[runner-application]" => roundtrip::<Vec<RunnerApplication>>(value),
        "authentication-token" => roundtrip::<AuthenticationToken>(value),
        "organization-runner-group" => roundtrip::<OrganizationRunnerGroup>(value),
        "organization-runner-group-list" => roundtrip::<OrganizationRunnerGroupList>(value),
        "enterprise-runner-group" => roundtrip::<EnterpriseRunnerGroup>(value),
        "enterprise-runner-group-list" => roundtrip::<EnterpriseRunnerGroupList>(value),
        "organization-simple-list" => roundtrip::<OrganizationSimpleList>(value),
        "minimal-repository-list" => roundtrip::<MinimalRepositoryList>(value),
        "github-hosted-runner-list" => roundtrip::<GithubHostedRunnerList>(value),
        "rate-limit-overview" => roundtrip::<RateLimitOverview>(value),
        "runner-jit-config" => roundtrip::<RunnerJitConfig>(value),
        "runner-label-list" => roundtrip::<RunnerLabelList>(value),
        "self-hosted-runners-settings" => roundtrip::<SelfHostedRunnersSettings>(value),
        "enterprise-self-hosted-runners-permissions" => {
            roundtrip::<EnterpriseSelfHostedRunnersPermissions>(value)
        }
        "enterprise-admin/create-self-hosted-runner-group-for-enterprise" => {
            roundtrip::<CreateSelfHostedRunnerGroupForEnterpriseBody>(value)
        }
        "enterprise-admin/update-self-hosted-runner-group-for-enterprise" => {
            roundtrip::<UpdateSelfHostedRunnerGroupForEnterpriseBody>(value)
        }
        "enterprise-admin/set-org-access-to-self-hosted-runner-group-in-enterprise" => {
            roundtrip::<SetOrgAccessToSelfHostedRunnerGroupInEnterpriseBody>(value)
        }
        "enterprise-admin/set-self-hosted-runners-in-group-for-enterprise" => {
            roundtrip::<SetSelfHostedRunnersInGroupForEnterpriseBody>(value)
        }
        "actions/create-self-hosted-runner-group-for-org" => {
            roundtrip::<CreateSelfHostedRunnerGroupForOrgBody>(value)
        }
        "actions/update-self-hosted-runner-group-for-org" => {
            roundtrip::<UpdateSelfHostedRunnerGroupForOrgBody>(value)
        }
        "actions/set-repo-access-to-self-hosted-runner-group-in-org" => {
            roundtrip::<SetRepoAccessToSelfHostedRunnerGroupInOrgBody>(value)
        }
        "actions/set-self-hosted-runners-in-group-for-org" => {
            roundtrip::<SetSelfHostedRunnersInGroupForOrgBody>(value)
        }
        "actions/set-self-hosted-runners-permissions-organization" => {
            roundtrip::<SetSelfHostedRunnersPermissionsOrganizationBody>(value)
        }
        "actions/set-selected-repositories-self-hosted-runners-organization" => {
            roundtrip::<SetSelectedRepositoriesSelfHostedRunnersOrganizationBody>(value)
        }
        "enterprise-admin/set-self-hosted-runners-permissions" => {
            roundtrip::<SetSelfHostedRunnersPermissionsBody>(value)
        }
        other => scoped_body(other, value),
    }
}

/// The inline request bodies of the operations that exist at every runner scope (JIT
/// configuration and custom labels): `<category>/<operation>-for-<scope>`.
fn scoped_body(key: &str, value: &Value) -> Result<Value, String> {
    let operation = key.split_once('/').map_or(key, |(_, operation)| operation);
    match operation {
        "generate-runner-jitconfig-for-enterprise" => {
            roundtrip::<GenerateRunnerJitconfigForEnterpriseBody>(value)
        }
        "generate-runner-jitconfig-for-org" => {
            roundtrip::<GenerateRunnerJitconfigForOrgBody>(value)
        }
        "generate-runner-jitconfig-for-repo" => {
            roundtrip::<GenerateRunnerJitconfigForRepoBody>(value)
        }
        "add-custom-labels-to-self-hosted-runner-for-enterprise" => {
            roundtrip::<AddCustomLabelsToSelfHostedRunnerForEnterpriseBody>(value)
        }
        "add-custom-labels-to-self-hosted-runner-for-org" => {
            roundtrip::<AddCustomLabelsToSelfHostedRunnerForOrgBody>(value)
        }
        "add-custom-labels-to-self-hosted-runner-for-repo" => {
            roundtrip::<AddCustomLabelsToSelfHostedRunnerForRepoBody>(value)
        }
        "set-custom-labels-for-self-hosted-runner-for-enterprise" => {
            roundtrip::<SetCustomLabelsForSelfHostedRunnerForEnterpriseBody>(value)
        }
        "set-custom-labels-for-self-hosted-runner-for-org" => {
            roundtrip::<SetCustomLabelsForSelfHostedRunnerForOrgBody>(value)
        }
        "set-custom-labels-for-self-hosted-runner-for-repo" => {
            roundtrip::<SetCustomLabelsForSelfHostedRunnerForRepoBody>(value)
        }
        other => Err(format!("no generated type is mapped for schema `{other}`")),
    }
}

fn component(reference: &str) -> String {
    reference.rsplit('/').next().unwrap_or(reference).to_owned()
}

/// The schema key of a media type's schema; `inline` names an inline schema.
fn schema_key(media: &MediaType, inline: &str) -> String {
    match &media.schema {
        Some(ReferenceOr::Reference { reference }) => component(reference),
        Some(ReferenceOr::Item(Schema {
            schema_kind: SchemaKind::Type(Type::Array(array)),
            ..
        })) => match &array.items {
            Some(ReferenceOr::Reference { reference }) => format!("[{}]", component(reference)),
            _ => inline.to_owned(),
        },
        _ => inline.to_owned(),
    }
}

/// Every (where, schema key, example value) of the spec.
fn examples() -> Vec<(String, String, Value)> {
    let spec = spec();
    let named = |reference: &str| -> Value {
        let name = component(reference);
        match spec.components.as_ref().and_then(|c| c.examples.get(&name)) {
            Some(ReferenceOr::Item(example)) => example.value.clone().unwrap_or(Value::Null),
            _ => panic!("dangling example reference {reference}"),
        }
    };
    let mut found = Vec::new();
    let mut collect = |place: String, key: String, media: &MediaType| {
        if let Some(value) = &media.example {
            found.push((place.clone(), key.clone(), value.clone()));
        }
        for (name, example) in &media.examples {
            let value = match example {
                ReferenceOr::Reference { reference } => named(reference),
                ReferenceOr::Item(example) => example.value.clone().unwrap_or(Value::Null),
            };
            found.push((format!("{place} example {name}"), key.clone(), value));
        }
    };
    for (path, item) in spec.paths.iter() {
        let Some(item) = item.as_item() else { continue };
        for (method, operation) in item.iter() {
            let id = operation.operation_id.clone().unwrap_or_default();
            if let Some(ReferenceOr::Item(body)) = &operation.request_body {
                for media in body.content.values() {
                    collect(
                        format!("{method} {path} request"),
                        schema_key(media, &id),
                        media,
                    );
                }
            }
            for (status, response) in &operation.responses.responses {
                let ReferenceOr::Item(response) = response else {
                    continue;
                };
                for media in response.content.values() {
                    let place = format!("{method} {path} {status}");
                    collect(place, schema_key(media, &id), media);
                }
            }
        }
    }
    found
}

#[test]
fn every_spec_example_round_trips_through_its_generated_type() {
    let examples = examples();
    assert!(
        examples.len() >= 80,
        "only {} examples found",
        examples.len()
    );
    let mut failures = Vec::new();
    for (place, key, value) in &examples {
        match roundtrip_as(key, value) {
            Ok(back) if equivalent(value, &back) => {}
            Ok(back) => failures.push(format!(
                "{place} ({key}): re-encoded differently:\n  {value}\n  {back}"
            )),
            Err(error) => failures.push(format!("{place} ({key}): {error}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn registration_token_example_keeps_the_token_secret() {
    let value = github_runners_tests::example("registration-token");
    let token: AuthenticationToken = serde_json::from_value(value.clone()).unwrap();
    let secret = value["token"].as_str().unwrap();
    assert_eq!(token.token.expose_secret(), secret);
    assert!(!format!("{token:?}").contains(secret));
    assert!(token.expires_at.timestamp() > 0);
}

#[test]
fn an_unknown_enum_value_is_kept_and_round_trips() {
    let mut value = github_runners_tests::example("runner");
    value["status"] = Value::from("hibernating");
    let runner: Runner = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(runner.status, RunnerStatus::Unknown("hibernating".into()));
    assert_eq!(
        serde_json::to_value(&runner).unwrap()["status"],
        "hibernating"
    );
}

#[test]
fn unknown_fields_and_nulls_for_optional_fields_decode() {
    let mut value = github_runners_tests::example("runner");
    value["brand_new_field"] = Value::from(42);
    value["ephemeral"] = Value::Null;
    let runner: Runner = serde_json::from_value(value).unwrap();
    assert_eq!(runner.ephemeral, None);
}

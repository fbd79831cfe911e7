/**
 * What every module shares and nothing else: the application's settings
 * ({@link vn.bantin.system.BantinProperties}: data and content folders, the commune's
 * zone) and {@link vn.bantin.system.RuleViolation}, the way a module refuses an input
 * naming the form field, and {@link vn.bantin.system.YamlFields}, the reader of
 * hand-written YAML files with located problems, and {@link vn.bantin.system.ApiProblem},
 * the JSON API's way of answering such a refusal, and {@link vn.bantin.system.FileStore},
 * the one way files every node must see are written (local folder or shared mount), with
 * its readiness check. It depends on no other module.
 *
 * <p>
 * It depends on no other module ({@code allowedDependencies = {}}): every module uses it,
 * so a dependency of its own would be a cycle waiting to happen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = {})
package vn.bantin.system;

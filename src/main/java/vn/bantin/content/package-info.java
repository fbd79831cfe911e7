/**
 * What the commune publishes, written once: plans (kế hoạch) with their themes, and, as
 * the product grows, items, procedures and documents.
 *
 * <p>
 * Content can be kept as Markdown files with YAML front matter under
 * {@code bantin.content-dir} ({@code content/}); they are loaded at start and again
 * whenever they change ({@code ContentWatcher}), upserted by their stable id. A bad file
 * is reported with its path and line and never stops the others. Other modules read plans
 * through {@link vn.bantin.content.PlanCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package vn.bantin.content;

package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * Mirrors rollout history --revision's printTemplate: DescribePodTemplate written through a
 * PrefixWriter with no tab writer, so the tabs stay in the output as they do in kubectl's.
 */
final class RawTemplate {

    private RawTemplate() {
    }

    static String print(PodTemplateSpec template) {
        DescribeWriter w = DescribeWriter.raw();
        PodDescriber.template(template, w);
        return w.render();
    }
}

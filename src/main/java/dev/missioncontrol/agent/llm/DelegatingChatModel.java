package dev.missioncontrol.agent.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;

/** A model in front of the provider's that changes how a chat goes, and passes everything else through. */
abstract class DelegatingChatModel implements ChatModel {
    protected final ChatModel provider;

    DelegatingChatModel(ChatModel provider) {
        this.provider = provider;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return provider.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return provider.provider();
    }
}

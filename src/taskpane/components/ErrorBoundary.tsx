import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { translate, type Lang } from "../i18n/index";

interface Props {
  lang: Lang;
  children: ReactNode;
}
interface State {
  error?: Error;
}

/** Shows a readable message instead of a blank pane when rendering fails. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("S/MIME Assistant pane error:", error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const lang = this.props.lang;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="error-boundary">
        <MessageBarBody>
          <MessageBarTitle>{translate(lang, "errorTitle")}</MessageBarTitle>
          {translate(lang, "errorBoundary", { reason: error.message || error.name })}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => location.reload()}>{translate(lang, "reload")}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

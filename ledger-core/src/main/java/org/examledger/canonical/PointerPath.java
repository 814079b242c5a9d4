package org.examledger.canonical;

import java.util.ArrayList;
import java.util.List;

/**
 * The location of the value being processed, as an RFC 6901 JSON Pointer, so that error messages
 * can say where in a document the problem is. Only rendered when an error is raised.
 */
final class PointerPath {

  private final List<String> tokens = new ArrayList<>();

  void push(String memberName) {
    tokens.add(memberName);
  }

  void push(int arrayIndex) {
    tokens.add(Integer.toString(arrayIndex));
  }

  void pop() {
    tokens.remove(tokens.size() - 1);
  }

  int depth() {
    return tokens.size();
  }

  /**
   * The pointer in double quotes, e.g. {@code "/scores/0"}; the root is {@code ""}. RFC 6901
   * section 3: "~" is written "~0" and "/" is written "~1".
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("\"");
    for (String token : tokens) {
      sb.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    }
    return sb.append('"').toString();
  }
}

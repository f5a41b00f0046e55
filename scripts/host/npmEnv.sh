# Sourced by install.sh. `clean_npm_env CMD…` runs CMD without what an outer npm put into the
# environment for its scripts.
#
# `npm start`, `npm run demo` and `npm test` reach install.sh through npm, which exports its whole
# configuration as npm_config_* (npm_config_user_agent says "node/v20"), its script's facts as
# npm_package_*/npm_lifecycle_*, NODE, INIT_CWD, and prepends node_modules/.bin and its node-gyp shim
# to PATH. An inner npm reads all of that as its own: code-server's postinstall then sees Node 20 in
# the user agent and refuses, although Node 24 runs it. So the inner npm starts from the user's
# environment instead: npm_* goes, except the network settings a user sets on purpose (a registry
# mirror, a proxy, a CA), which npm passes through unchanged.
KEEP_NPM_CONFIG='^npm_config_(registry|proxy|https_proxy|noproxy|cafile|ca|strict_ssl|cache)$'

clean_npm_env() {
  local unset_args=() name
  while IFS= read -r name; do
    case "$name" in
      npm_*) [[ "$name" =~ $KEEP_NPM_CONFIG ]] || unset_args+=(-u "$name") ;;
      NODE | INIT_CWD) unset_args+=(-u "$name") ;;
    esac
  done < <(compgen -e)
  env "${unset_args[@]}" PATH="$(clean_npm_path)" "$@"
}

# PATH without the folders an outer npm put in front of it.
clean_npm_path() {
  local entry kept=() IFS=:
  for entry in $PATH; do
    case "$entry" in
      */node_modules/.bin | */@npmcli/run-script/lib/node-gyp-bin) ;;
      *) kept+=("$entry") ;;
    esac
  done
  printf '%s' "${kept[*]}"
}
